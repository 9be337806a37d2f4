import { useEffect, useState } from 'react';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

const t = (id: string) => `${PLUGIN_ID}.${id}`;
type Qr = { title: string; png: string; url: string; expiresAt: string; place: string | null; startsAt: string };

/** Upcoming activities; one opens its printable QR code, refreshed before the token expires. */
export const Activities = ({ community }: { community: string }) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [rows, setRows] = useState<any[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [qr, setQr] = useState<Qr | null>(null);
  useEffect(() => {
    get(`/${PLUGIN_ID}/communities/${community}/activities`).then(({ data }: any) => setRows(data.data));
  }, [community]);
  useEffect(() => {
    if (!open) return;
    const load = () => get(`/${PLUGIN_ID}/activities/${open}/qr`).then(({ data }: any) => setQr(data.data));
    load();
    const timer = setInterval(load, 60000);
    return () => clearInterval(timer);
  }, [open]);
  return (
    <Box paddingTop={4}>
      <Table colCount={4} rowCount={rows.length}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{formatMessage({ id: t('activity.title'), defaultMessage: 'Title' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: t('activity.kind'), defaultMessage: 'Kind' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: t('activity.startsAt'), defaultMessage: 'Starts' })}</Typography></Th>
            <Th><Typography variant="sigma">QR</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((r) => (
            <Tr key={r.documentId}>
              <Td><Typography>{r.title}</Typography></Td>
              <Td><Typography>{formatMessage({ id: t(`kind.${r.kind}`), defaultMessage: r.kind })}</Typography></Td>
              <Td><Typography>{new Date(r.startsAt).toLocaleString()}</Typography></Td>
              <Td><Button variant="secondary" onClick={() => setOpen(r.documentId)}>{formatMessage({ id: t('activity.showQr'), defaultMessage: 'QR code' })}</Button></Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {qr && (
        <Flex direction="column" alignItems="center" gap={2} paddingTop={6} className="dr-print">
          <Typography variant="beta">{qr.title}</Typography>
          <Typography>{qr.place}</Typography>
          <img src={qr.png} alt={qr.url} width={360} height={360} />
          <Typography variant="pi">{formatMessage({ id: t('activity.expires'), defaultMessage: 'Refreshes automatically; valid until' })} {new Date(qr.expiresAt).toLocaleTimeString()}</Typography>
          <Button onClick={() => window.print()}>{formatMessage({ id: t('activity.print'), defaultMessage: 'Print' })}</Button>
        </Flex>
      )}
    </Box>
  );
};
