import { useState, type ChangeEvent } from 'react';
import {
  Button,
  Field,
  Flex,
  Modal,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { ModalError, ModalFooter, useErrorMessage } from '@grassroots/kit/admin';
import { LABELS } from '@grassroots/kit/shared';
import { useT } from '../useT';
import { PLUGIN_ID } from '../pluginId';

const KINDS = Object.keys(LABELS[`plugin::${PLUGIN_ID}.activity`]?.enums?.kind ?? {});
// datetime-local has no zone: the browser's local time, sent to the server as an instant.
const toInstant = (local: string) => (local ? new Date(local).toISOString() : '');
const EMPTY = {
  title: '',
  kind: 'policy_talk',
  startsAt: '',
  endsAt: '',
  place: '',
  capacity: undefined as number | undefined,
};

/**
 * 新建服务活动 for the community the page shows: the community is not asked again. Dates, place and
 * capacity here; the geofence (lat, lng, radius) stays in the Content Manager's full form.
 */
export const NewActivity = ({
  community,
  primary,
  onCreated,
}: {
  community: string;
  primary: boolean;
  onCreated: (documentId: string) => void;
}) => {
  const t = useT();
  const { post } = useFetchClient();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof EMPTY) => (v: string | number | undefined) => setForm({ ...form, [k]: v });
  const save = async () => {
    setError(null);
    try {
      const { data } = (await post(`/${PLUGIN_ID}/communities/${community}/activities`, {
        title: form.title,
        kind: form.kind,
        startsAt: toInstant(form.startsAt),
        endsAt: toInstant(form.endsAt),
        ...(form.place.trim() ? { place: form.place } : {}),
        ...(form.capacity ? { capacity: form.capacity } : {}),
      })) as { data: { data: { documentId: string } } };
      setOpen(false);
      setForm(EMPTY);
      onCreated(data.data.documentId);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant={primary ? 'default' : 'secondary'} startIcon={<Plus />}>
          {t('activity.create')}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('activity.create')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="title" required>
              <Field.Label>{t('activity.title')}</Field.Label>
              <TextInput
                value={form.title}
                onChange={(e: ChangeEvent<HTMLInputElement>) => set('title')(e.target.value)}
              />
            </Field.Root>
            <Field.Root name="kind" required>
              <Field.Label>{t('activity.kind')}</Field.Label>
              <SingleSelect aria-label={t('activity.kind')} value={form.kind} onChange={(v) => set('kind')(String(v))}>
                {KINDS.map((k) => (
                  <SingleSelectOption key={k} value={k}>
                    {t(`kind.${k}`)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            <Flex gap={4}>
              <Field.Root name="startsAt" required>
                <Field.Label>{t('activity.startsAt')}</Field.Label>
                <TextInput
                  type="datetime-local"
                  value={form.startsAt}
                  onChange={(e: ChangeEvent<HTMLInputElement>) => set('startsAt')(e.target.value)}
                />
              </Field.Root>
              <Field.Root name="endsAt" required>
                <Field.Label>{t('activity.endsAt')}</Field.Label>
                <TextInput
                  type="datetime-local"
                  value={form.endsAt}
                  onChange={(e: ChangeEvent<HTMLInputElement>) => set('endsAt')(e.target.value)}
                />
              </Field.Root>
            </Flex>
            <Field.Root name="place">
              <Field.Label>{t('activity.place')}</Field.Label>
              <TextInput
                value={form.place}
                onChange={(e: ChangeEvent<HTMLInputElement>) => set('place')(e.target.value)}
              />
            </Field.Root>
            <Field.Root name="capacity" hint={t('activity.capacityHint')}>
              <Field.Label>{t('activity.capacity')}</Field.Label>
              <NumberInput value={form.capacity} onValueChange={(v) => set('capacity')(v)} />
              <Field.Hint />
            </Field.Root>
            <ModalError error={error} />
          </Flex>
        </Modal.Body>
        <ModalFooter
          cancel={t('activity.cancel')}
          confirm={t('activity.save')}
          onConfirm={save}
          disabled={!form.title.trim() || !form.startsAt || !form.endsAt}
        />
      </Modal.Content>
    </Modal.Root>
  );
};
