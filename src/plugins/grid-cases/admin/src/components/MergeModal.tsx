import { useState, type ChangeEvent } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useErrorMessage } from '@grassroots/kit/admin';
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
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [into, setInto] = useState(candidates[0]?.documentId ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      await onSubmit(into);
      setOpen(false);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
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
            {error && (
              <Box>
                <Typography role="alert" textColor="danger600">
                  {error}
                </Typography>
              </Box>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('action.cancel')}</Button>
          </Modal.Close>
          <Button onClick={submit} disabled={!into.trim()}>
            {t('action.confirm')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
