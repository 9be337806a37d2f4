import { useState, type ChangeEvent } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useT } from '../useT';
import { PLUGIN_ID } from '../pluginId';
import { useErrorMessage, useData } from '@grassroots/kit/admin';
import type { ManualOptions } from '../types';

const NO_OPTIONS: ManualOptions = { members: [], activities: [] };
// datetime-local has no zone: the browser's local time, sent to the server as an instant.
const toInstant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** Staff record a member's attendance (补录签到); the server computes the minutes. */
export const ManualCheckIn = ({ community, onSaved }: { community: string; onSaved: () => void }) => {
  const errorMessage = useErrorMessage();
  const t = useT();
  const { post } = useFetchClient();
  const options =
    useData<ManualOptions>(community ? `/${PLUGIN_ID}/communities/${community}/manual-options` : null).data ??
    NO_OPTIONS;
  const [form, setForm] = useState({ member: '', activity: '', checkedInAt: '', checkedOutAt: '' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (k: keyof typeof form) => (v: string | number) => setForm({ ...form, [k]: String(v) });
  const save = async () => {
    setMessage(null);
    try {
      const { data } = (await post(`/${PLUGIN_ID}/check-ins/manual`, {
        member: form.member,
        activity: form.activity,
        checkedInAt: toInstant(form.checkedInAt),
        checkedOutAt: toInstant(form.checkedOutAt),
      })) as { data: { data: { minutes: number } } };
      setMessage({ ok: true, text: t('manual.saved', { minutes: data.data.minutes }) });
      setForm({ member: '', activity: '', checkedInAt: '', checkedOutAt: '' });
      onSaved();
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    }
  };
  return (
    <Box padding={4} marginBottom={4} background="neutral0" shadow="tableShadow" hasRadius>
      <Typography variant="delta" tag="h2">
        {t('manual.title')}
      </Typography>
      <Flex gap={4} paddingTop={3} alignItems="flex-end" wrap="wrap">
        <Field.Root name="member">
          <Field.Label>{t('queue.member')}</Field.Label>
          <SingleSelect aria-label="member" value={form.member} onChange={set('member')}>
            {options.members.map((m) => (
              <SingleSelectOption key={m.documentId} value={m.documentId}>
                {m.name}
                {m.unit ? ` · ${m.unit}` : ''}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="activity">
          <Field.Label>{t('activity.title')}</Field.Label>
          <SingleSelect aria-label="activity" value={form.activity} onChange={set('activity')}>
            {options.activities.map((a) => (
              <SingleSelectOption key={a.documentId} value={a.documentId}>
                {a.title} · {new Date(a.startsAt).toLocaleDateString()}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="checkedInAt">
          <Field.Label>{t('manual.in')}</Field.Label>
          <TextInput
            type="datetime-local"
            value={form.checkedInAt}
            onChange={(e: ChangeEvent<HTMLInputElement>) => set('checkedInAt')(e.target.value)}
          />
        </Field.Root>
        <Field.Root name="checkedOutAt">
          <Field.Label>{t('manual.out')}</Field.Label>
          <TextInput
            type="datetime-local"
            value={form.checkedOutAt}
            onChange={(e: ChangeEvent<HTMLInputElement>) => set('checkedOutAt')(e.target.value)}
          />
        </Field.Root>
        <Button onClick={save} disabled={!form.member || !form.activity || !form.checkedInAt}>
          {t('manual.save')}
        </Button>
      </Flex>
      {message && (
        <Box paddingTop={2}>
          <Typography role="status" textColor={message.ok ? 'success600' : 'danger600'}>
            {message.text}
          </Typography>
        </Box>
      )}
    </Box>
  );
};
