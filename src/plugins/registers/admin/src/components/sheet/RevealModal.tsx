import { useState, type ChangeEvent } from 'react';
import { Button, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { ModalError, ModalFooter, useModalForm } from '@grassroots/kit/admin';
import { useT } from '../../hooks/useT';
import { PLUGIN_ID } from '../../pluginId';

/**
 * 查看 (reveal) one personal value: asks why (kept in the reveal log with who and when), then shows
 * the value in place of the mask until the page is left.
 */
export const RevealModal = ({
  type,
  documentId,
  field,
  masked,
}: {
  type: string;
  documentId: string;
  field: string;
  masked: string;
}) => {
  const t = useT();
  const { post } = useFetchClient();
  const { open, setOpen, error, submit } = useModalForm();
  const [reason, setReason] = useState('');
  const [value, setValue] = useState<string | null>(null);
  if (value !== null) return <Typography data-testid="revealed">{value}</Typography>;
  const reveal = () =>
    submit(async () => {
      const res = (await post(`/${PLUGIN_ID}/reveal`, { type, documentId, field, reason })) as {
        data: { data: { value: string | null } };
      };
      setValue(res.data.data.value ?? '—');
    });
  return (
    <Flex gap={2}>
      <Typography>{masked}</Typography>
      <Modal.Root open={open} onOpenChange={setOpen}>
        <Modal.Trigger>
          <Button size="S" variant="tertiary" data-no-print>
            {t('registers.reveal')}
          </Button>
        </Modal.Trigger>
        <Modal.Content>
          <Modal.Header>
            <Modal.Title>{t('registers.reveal.title')}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Typography textColor="neutral600">{t('registers.reveal.notice')}</Typography>
              <Field.Root name="reason" required hint={t('registers.reveal.hint')}>
                <Field.Label>{t('registers.reveal.reason')}</Field.Label>
                <TextInput value={reason} onChange={(e: ChangeEvent<HTMLInputElement>) => setReason(e.target.value)} />
                <Field.Hint />
              </Field.Root>
              <ModalError error={error} />
            </Flex>
          </Modal.Body>
          <ModalFooter
            cancel={t('registers.cancel')}
            confirm={t('registers.reveal.confirm')}
            onConfirm={reveal}
            disabled={reason.trim().length < 2}
          />
        </Modal.Content>
      </Modal.Root>
    </Flex>
  );
};
