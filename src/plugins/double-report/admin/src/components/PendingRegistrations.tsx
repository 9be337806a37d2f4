import { useEffect, useState } from 'react';
import { Box, Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import { errorMessage } from '../utils/errorMessage';

const t = (id: string) => `${PLUGIN_ID}.${id}`;

/** Report-ins waiting for the community (报到接收): accept each one. */
export const PendingRegistrations = ({ community }: { community: string }) => {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const [rows, setRows] = useState<any[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const load = () => get(`/${PLUGIN_ID}/registrations/pending${community ? `?community=${community}` : ''}`).then(({ data }: any) => setRows(data.data));
  useEffect(() => {
    load();
  }, [community]);
  const accept = async (documentId: string) => {
    try {
      await post(`/${PLUGIN_ID}/registrations/${documentId}/accept`, {});
      setMessage(null);
    } catch (e) {
      setMessage(errorMessage(e));
    }
    await load();
  };
  const who = (r: any) => (r.kind === 'unit' ? r.unit?.name : `${r.member?.name ?? ''}${r.member?.unit ? ` · ${r.member.unit}` : ''}`);
  return (
    <Box paddingBottom={6} data-testid="pending-registrations">
      <Typography variant="delta" tag="h2">{formatMessage({ id: t('registrations.title'), defaultMessage: 'Report-ins to accept' })}</Typography>
      {message && <Box paddingTop={2}><Typography textColor="danger600">{message}</Typography></Box>}
      {rows.length === 0 ? (
        <Box paddingTop={2}><Typography textColor="neutral600">{formatMessage({ id: t('registrations.none'), defaultMessage: 'No report-in is waiting' })}</Typography></Box>
      ) : (
        <Box paddingTop={2}>
          <Table colCount={4} rowCount={rows.length}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{formatMessage({ id: t('registrations.who'), defaultMessage: 'Unit or member' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: t('registrations.kind'), defaultMessage: 'Kind' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: t('registrations.reportedOn'), defaultMessage: 'Reported on' })}</Typography></Th>
                <Th><Typography variant="sigma"> </Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((r) => (
                <Tr key={r.documentId} data-testid={`registration-${r.documentId}`}>
                  <Td><Typography>{who(r)}</Typography></Td>
                  <Td><Typography>{formatMessage({ id: t(`registrations.kind.${r.kind}`), defaultMessage: r.kind })}</Typography></Td>
                  <Td><Typography>{r.reportedOn}</Typography></Td>
                  <Td><Button size="S" onClick={() => accept(r.documentId)}>{formatMessage({ id: t('registrations.accept'), defaultMessage: 'Accept' })}</Button></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      )}
    </Box>
  );
};
