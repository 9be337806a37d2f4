import { useState, type ChangeEvent } from 'react';
import { Button, Field, Flex, TextInput } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID, useT } from '../pluginId';
import { useErrorMessage } from '@grassroots/kit/admin';

/** Turns a criterion scored under its maximum into a 整改 task (owner, due date). */
export const RectifyForm = ({
  assessment,
  criterion,
  onDone,
  onError,
}: {
  assessment: string;
  criterion: string;
  onDone: () => void;
  onError: (m: string) => void;
}) => {
  const errorMessage = useErrorMessage();
  const t = useT();
  const { post } = useFetchClient();
  const [open, setOpen] = useState(false);
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <Button size="S" variant="secondary" onClick={() => setOpen(true)} data-testid={`rectify-${criterion}`}>
        {t('rect.create')}
      </Button>
    );
  const save = async () => {
    setBusy(true);
    try {
      await post(`/${PLUGIN_ID}/rectifications`, { assessment, criterion, owner, dueDate: due });
      setOpen(false);
      onDone();
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex gap={2} alignItems="flex-end" data-testid={`rectify-form-${criterion}`}>
      <Field.Root name="owner">
        <Field.Label>{t('rect.owner')}</Field.Label>
        <TextInput
          name="owner"
          value={owner}
          onChange={(e: ChangeEvent<HTMLInputElement>) => setOwner(e.target.value)}
        />
      </Field.Root>
      <Field.Root name="dueDate">
        <Field.Label>{t('rect.due')}</Field.Label>
        <TextInput
          name="dueDate"
          type="date"
          value={due}
          onChange={(e: ChangeEvent<HTMLInputElement>) => setDue(e.target.value)}
        />
      </Field.Root>
      <Button size="S" onClick={save} loading={busy} data-testid={`rectify-save-${criterion}`}>
        {t('common.confirm')}
      </Button>
      <Button size="S" variant="tertiary" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </Button>
    </Flex>
  );
};
