import { useEffect, useState } from 'react';
import { Box, Button, Flex, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import { errorMessage } from '../utils/errorMessage';

const t = (id: string) => `${PLUGIN_ID}.${id}`;

/** Recently verified check-ins; revoking one writes reversal rows to the points ledger (the server does it). */
export const Verified = ({ community, reloadKey }: { community: string; reloadKey: number }) => {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const [rows, setRows] = useState<any[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = () => get(`/${PLUGIN_ID}/check-ins/queue?status=verified${community ? `&community=${community}` : ''}`).then(({ data }: any) => setRows(data.data));
  useEffect(() => {
    load();
  }, [community, reloadKey]);
  const revoke = async (documentId: string) => {
    setMessage(null);
    try {
      const { data }: any = await post(`/${PLUGIN_ID}/check-ins/${documentId}/revoke`, { reason: (reasons[documentId] ?? '').trim() });
      const points = data.data.reversals.reduce((s: number, r: any) => s + r.points, 0);
      setMessage({ ok: true, text: formatMessage({ id: t('revoke.done'), defaultMessage: 'Revoked; {points} points reversed' }, { points }) });
      await load();
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    }
  };
  return (
    <Box paddingTop={6}>
      <Typography variant="delta" tag="h2">{formatMessage({ id: t('revoke.title'), defaultMessage: 'Recently verified' })}</Typography>
      {message && <Box paddingTop={2}><Typography role="alert" textColor={message.ok ? 'success600' : 'danger600'}>{message.text}</Typography></Box>}
      {rows.length === 0 && <Box paddingTop={2}><Typography textColor="neutral600">{formatMessage({ id: t('empty'), defaultMessage: 'Nothing yet' })}</Typography></Box>}
      {rows.length > 0 && (
        <Box paddingTop={2}>
          <Table colCount={4} rowCount={rows.length}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{formatMessage({ id: t('queue.member'), defaultMessage: 'Member' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: t('activity.title'), defaultMessage: 'Activity' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: t('queue.minutes'), defaultMessage: 'Minutes' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: t('revoke.reason'), defaultMessage: 'Reason for revoking' })}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((r) => (
                <Tr key={r.documentId}>
                  <Td><Typography>{r.member?.name} · {r.member?.unit}</Typography></Td>
                  <Td><Typography>{r.activity?.title}</Typography></Td>
                  <Td><Typography>{r.minutes}{r.rating ? ` · ${'★'.repeat(r.rating)}` : ''}</Typography></Td>
                  <Td>
                    <Flex gap={2}>
                      <TextInput aria-label={formatMessage({ id: t('revoke.reason'), defaultMessage: 'Reason for revoking' })} value={reasons[r.documentId] ?? ''} onChange={(e: any) => setReasons({ ...reasons, [r.documentId]: e.target.value })} />
                      <Button variant="danger-light" disabled={(reasons[r.documentId] ?? '').trim().length < 2} onClick={() => revoke(r.documentId)}>{formatMessage({ id: t('revoke.button'), defaultMessage: 'Revoke' })}</Button>
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      )}
    </Box>
  );
};
