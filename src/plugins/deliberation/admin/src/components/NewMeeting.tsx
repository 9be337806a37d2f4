import { useState } from 'react';
import {
  Box,
  Flex,
  Typography,
  Button,
  Field,
  TextInput,
  SingleSelect,
  SingleSelectOption,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { useT } from '../hooks/useT';
import type { InputEvent } from '../types';
import { useData, useErrorMessage } from '@grassroots/kit/admin';

/** Schedules a meeting of a council and opens its workspace. */
export const NewMeeting = () => {
  const errorMessage = useErrorMessage();
  const t = useT();
  const go = useNavigate();
  const { post } = useFetchClient();
  const councils = useData<Array<{ documentId: string; name: string; kind: string }>>('/deliberation/councils');
  const [form, setForm] = useState({ council: '', title: '', startAt: '', place: '' });
  const [message, setMessage] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const submit = async () => {
    try {
      // datetime-local has no zone: read it as the admin's local time, send UTC.
      const startAt = form.startAt ? new Date(form.startAt).toISOString() : '';
      const res = await post('/deliberation/meetings', { ...form, startAt, place: form.place || undefined });
      go(`/plugins/deliberation/meetings/${(res.data as { data: { documentId: string } }).data.documentId}`);
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  return (
    <Box padding={4} marginBottom={6} background="neutral0" hasRadius shadow="tableShadow" data-testid="new-meeting">
      <Typography variant="delta" tag="h2">
        {t('newMeeting.title')}
      </Typography>
      <Flex gap={4} paddingTop={3} alignItems="flex-end" wrap="wrap">
        <Box width="260px">
          <Field.Root name="council">
            <Field.Label>{t('newMeeting.council')}</Field.Label>
            <SingleSelect
              aria-label={t('newMeeting.council')}
              value={form.council}
              onChange={(v: string | number) => set('council')(String(v))}
            >
              {(councils.data ?? []).map((c) => (
                <SingleSelectOption key={c.documentId} value={c.documentId}>
                  {c.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        <Box width="260px">
          <Field.Root name="title">
            <Field.Label>{t('newMeeting.name')}</Field.Label>
            <TextInput value={form.title} onChange={(e: InputEvent) => set('title')(e.target.value)} />
          </Field.Root>
        </Box>
        <Box width="220px">
          <Field.Root name="startAt">
            <Field.Label>{t('newMeeting.startAt')}</Field.Label>
            <TextInput
              type="datetime-local"
              value={form.startAt}
              onChange={(e: InputEvent) => set('startAt')(e.target.value)}
            />
          </Field.Root>
        </Box>
        <Box width="220px">
          <Field.Root name="place">
            <Field.Label>{t('print.place')}</Field.Label>
            <TextInput value={form.place} onChange={(e: InputEvent) => set('place')(e.target.value)} />
          </Field.Root>
        </Box>
        <Button onClick={submit}>{t('newMeeting.submit')}</Button>
      </Flex>
      {message && (
        <Box paddingTop={2}>
          <Typography textColor="danger600" data-testid="new-meeting-message">
            {message}
          </Typography>
        </Box>
      )}
    </Box>
  );
};
