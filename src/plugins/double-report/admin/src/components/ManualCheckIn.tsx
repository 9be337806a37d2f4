import { useEffect, useState } from 'react';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import { errorMessage } from '../utils/errorMessage';

const t = (id: string) => `${PLUGIN_ID}.${id}`;
type Options = { members: { documentId: string; name: string; unit: string | null }[]; activities: { documentId: string; title: string; startsAt: string }[] };
// datetime-local has no zone: the browser's local time, sent to the server as an instant.
const toInstant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** Staff record a member's attendance (补录签到); the server computes the minutes. */
export const ManualCheckIn = ({ community, onSaved }: { community: string; onSaved: () => void }) => {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const [options, setOptions] = useState<Options>({ members: [], activities: [] });
  const [form, setForm] = useState({ member: '', activity: '', checkedInAt: '', checkedOutAt: '' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (k: keyof typeof form) => (v: string | number) => setForm({ ...form, [k]: String(v) });
  useEffect(() => {
    if (community) get(`/${PLUGIN_ID}/communities/${community}/manual-options`).then(({ data }: any) => setOptions(data.data)).catch(() => undefined);
  }, [community]);
  const save = async () => {
    setMessage(null);
    try {
      const { data }: any = await post(`/${PLUGIN_ID}/check-ins/manual`, {
        member: form.member, activity: form.activity, checkedInAt: toInstant(form.checkedInAt), checkedOutAt: toInstant(form.checkedOutAt),
      });
      setMessage({ ok: true, text: formatMessage({ id: t('manual.saved'), defaultMessage: 'Recorded: {minutes} minutes' }, { minutes: data.data.minutes }) });
      setForm({ member: '', activity: '', checkedInAt: '', checkedOutAt: '' });
      onSaved();
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    }
  };
  return (
    <Box padding={4} marginBottom={4} background="neutral0" shadow="tableShadow" hasRadius>
      <Typography variant="delta" tag="h2">{formatMessage({ id: t('manual.title'), defaultMessage: 'Record a check-in by hand' })}</Typography>
      <Flex gap={4} paddingTop={3} alignItems="flex-end" wrap="wrap">
        <Field.Root name="member">
          <Field.Label>{formatMessage({ id: t('queue.member'), defaultMessage: 'Member' })}</Field.Label>
          <SingleSelect aria-label="member" value={form.member} onChange={set('member')}>
            {options.members.map((m) => <SingleSelectOption key={m.documentId} value={m.documentId}>{m.name}{m.unit ? ` · ${m.unit}` : ''}</SingleSelectOption>)}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="activity">
          <Field.Label>{formatMessage({ id: t('activity.title'), defaultMessage: 'Activity' })}</Field.Label>
          <SingleSelect aria-label="activity" value={form.activity} onChange={set('activity')}>
            {options.activities.map((a) => <SingleSelectOption key={a.documentId} value={a.documentId}>{a.title} · {new Date(a.startsAt).toLocaleDateString()}</SingleSelectOption>)}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="checkedInAt">
          <Field.Label>{formatMessage({ id: t('manual.in'), defaultMessage: 'Checked in at' })}</Field.Label>
          <TextInput type="datetime-local" value={form.checkedInAt} onChange={(e: any) => set('checkedInAt')(e.target.value)} />
        </Field.Root>
        <Field.Root name="checkedOutAt">
          <Field.Label>{formatMessage({ id: t('manual.out'), defaultMessage: 'Checked out at (optional)' })}</Field.Label>
          <TextInput type="datetime-local" value={form.checkedOutAt} onChange={(e: any) => set('checkedOutAt')(e.target.value)} />
        </Field.Root>
        <Button onClick={save} disabled={!form.member || !form.activity || !form.checkedInAt}>{formatMessage({ id: t('manual.save'), defaultMessage: 'Record' })}</Button>
      </Flex>
      {message && <Box paddingTop={2}><Typography role="status" textColor={message.ok ? 'success600' : 'danger600'}>{message.text}</Typography></Box>}
    </Box>
  );
};
