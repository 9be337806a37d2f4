import { useState, type ChangeEvent } from 'react';
import { Button, Field, Flex, Modal, Textarea } from '@strapi/design-system';
import { ModalError, ModalFooter, useModalForm } from '@grassroots/kit/admin';
import { useT } from '../hooks/useT';

/**
 * A move that takes a reason (退回, 上报, 核查退回, 不予延期): the button opens a modal, the reason is
 * required unless `optional`; the server's refusal is shown in the modal.
 */
export const ReasonModal = ({
  label,
  fieldLabel,
  optional,
  variant = 'secondary',
  onSubmit,
}: {
  label: string;
  /** the text asked for, when it is not a reason (代为办结: the result) */
  fieldLabel?: string;
  optional?: boolean;
  variant?: 'secondary' | 'danger-light' | 'tertiary';
  onSubmit: (reason: string | undefined) => Promise<void>;
}) => {
  const t = useT();
  const { open, setOpen, error, submit: run } = useModalForm();
  const [reason, setReason] = useState('');
  const submit = () =>
    run(
      () => onSubmit(reason.trim() || undefined),
      () => setReason(''),
    );
  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button size="S" variant={variant}>
          {label}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{label}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Field.Root name="reason" required={!optional}>
              <Field.Label>{fieldLabel ?? t('action.reason')}</Field.Label>
              <Textarea value={reason} onChange={(e: ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
            </Field.Root>
            <ModalError error={error} />
          </Flex>
        </Modal.Body>
        <ModalFooter
          cancel={t('action.cancel')}
          confirm={t('action.confirm')}
          onConfirm={submit}
          disabled={!optional && !reason.trim()}
        />
      </Modal.Content>
    </Modal.Root>
  );
};
