import { useEffect, useState } from 'react';
import { Box, Button, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import { ManualCheckIn } from '../components/ManualCheckIn';
import { Verified } from '../components/Verified';
import { PendingRegistrations } from '../components/PendingRegistrations';

const t = (id: string) => `${PLUGIN_ID}.${id}`;

/** Checked-out, not yet verified check-ins: verify with a rating, or reject. */
export const Queue = ({ community }: { community: string }) => {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const [rows, setRows] = useState<any[]>([]);
  const [ratings, setRatings] = useState<Record<string, string>>({});
  // Bumped after each decision so the verified list below reloads.
  const [decided, setDecided] = useState(0);
  const load = () => get(`/${PLUGIN_ID}/check-ins/queue${community ? `?community=${community}` : ''}`).then(({ data }: any) => setRows(data.data));
  useEffect(() => {
    load();
  }, [community]);
  const decide = async (documentId: string, status: 'verified' | 'rejected') => {
    const rating = ratings[documentId] ? Number(ratings[documentId]) : undefined;
    await post(`/${PLUGIN_ID}/check-ins/${documentId}/decision`, status === 'verified' && rating ? { status, rating } : { status });
    await load();
    setDecided((n) => n + 1);
  };
  return (
    <Box paddingTop={4}>
      <PendingRegistrations community={community} />
      {community && <ManualCheckIn community={community} onSaved={load} />}
      {rows.length === 0 && <Typography textColor="neutral600">{formatMessage({ id: t('queue.empty'), defaultMessage: 'Nothing to verify' })}</Typography>}
      {rows.length > 0 && (
        <Table colCount={5} rowCount={rows.length}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">{formatMessage({ id: t('queue.member'), defaultMessage: 'Member' })}</Typography></Th>
              <Th><Typography variant="sigma">{formatMessage({ id: t('activity.title'), defaultMessage: 'Activity' })}</Typography></Th>
              <Th><Typography variant="sigma">{formatMessage({ id: t('queue.minutes'), defaultMessage: 'Minutes' })}</Typography></Th>
              <Th><Typography variant="sigma">{formatMessage({ id: t('queue.rating'), defaultMessage: 'Rating' })}</Typography></Th>
              <Th><Typography variant="sigma">{formatMessage({ id: t('queue.decision'), defaultMessage: 'Decision' })}</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((r) => (
              <Tr key={r.documentId}>
                <Td><Typography>{r.member?.name} · {r.member?.unit}</Typography></Td>
                <Td><Typography>{r.activity?.title}</Typography></Td>
                <Td><Typography>{r.minutes}</Typography></Td>
                <Td>
                  <SingleSelect aria-label="rating" value={ratings[r.documentId] ?? ''} onChange={(v: string | number) => setRatings({ ...ratings, [r.documentId]: String(v) })}>
                    {[5, 4, 3, 2, 1].map((n) => <SingleSelectOption key={n} value={String(n)}>{'★'.repeat(n)}</SingleSelectOption>)}
                  </SingleSelect>
                </Td>
                <Td>
                  <Flex gap={2}>
                    <Button onClick={() => decide(r.documentId, 'verified')}>{formatMessage({ id: t('queue.verify'), defaultMessage: 'Verify' })}</Button>
                    <Button variant="danger-light" onClick={() => decide(r.documentId, 'rejected')}>{formatMessage({ id: t('queue.reject'), defaultMessage: 'Reject' })}</Button>
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      <Verified community={community} reloadKey={decided} />
    </Box>
  );
};
