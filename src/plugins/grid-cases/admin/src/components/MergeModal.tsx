import { useState, type ChangeEvent } from 'react';
import { Button, Field, Flex, Modal, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { ModalError, ModalFooter, useModalForm } from '@grassroots/kit/admin';
import { useT } from '../hooks/useT';
import { useLabels } from '../hooks/useLabels';
import type { CaseRef } from '../types';

/**
 * 合并: folds this case into an open original, picked among its possible duplicates (the 受理台's
 * and the detail page's answer carry them); with none within 50 m (or no location) staff paste the
 * original's document id.
 */
export const MergeModal = ({
  candidates,
  onSubmit,
}: {
  candidates: Array<CaseRef & { metres?: number }>;
  onSubmit: (into: string) => Promise<void>;
}) => {
  const t = useT();
  const l = useLabels();
  const { open, setOpen, error, submit: run } = useModalForm();
  const [into, setInto] = useState(candidates[0]?.documentId ?? '');
  const submit = () => run(() => onSubmit(into));
  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button size="S" variant="secondary">
          {l.action('merge')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{l.action('merge')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Field.Root name="into" required hint={candidates.length ? undefined : t('merge.noCandidates')}>
              <Field.Label>{t('merge.into')}</Field.Label>
              {candidates.length ? (
                <SingleSelect
                  aria-label={t('merge.into')}
                  value={into}
                  onChange={(v: string | number) => setInto(String(v))}
                >
                  {candidates.map((c) => (
                    <SingleSelectOption key={c.documentId} value={c.documentId}>
                      {c.title} · {l.status(c.status)}
                      {c.metres !== undefined ? ` · ${t('intake.metres', { n: c.metres })}` : ''}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              ) : (
                <TextInput value={into} onChange={(e: ChangeEvent<HTMLInputElement>) => setInto(e.target.value)} />
              )}
              <Field.Hint />
            </Field.Root>
            <ModalError error={error} />
          </Flex>
        </Modal.Body>
        <ModalFooter
          cancel={t('action.cancel')}
          confirm={t('action.confirm')}
          onConfirm={submit}
          disabled={!into.trim()}
        />
      </Modal.Content>
    </Modal.Root>
  );
};
