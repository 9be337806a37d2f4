import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useData } from '@grassroots/kit/admin';
import { useT } from '../useT';
import { PLUGIN_ID } from '../pluginId';
import { NewActivity } from '../components/NewActivity';

import type { ActivityRow, Qr } from '../types';

/** Upcoming activities; one opens its printable QR code, refreshed before the token expires. */
export const Activities = ({ community }: { community: string }) => {
  const t = useT();
  const loaded = useData<ActivityRow[]>(`/${PLUGIN_ID}/communities/${community}/activities`);
  const rows = loaded.data ?? [];
  const [open, setOpen] = useState<string | null>(null);
  // A new activity is listed at once and its QR code opened, ready to print.
  const created = (documentId: string) => {
    void loaded.reload();
    setOpen(documentId);
  };
  const { data: qr, reload } = useData<Qr>(open ? `/${PLUGIN_ID}/activities/${open}/qr` : null);
  // The server rotates the token once half its lifetime is gone: ask again every minute.
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => void reload(), 60000);
    return () => clearInterval(timer);
  }, [open, reload]);
  return (
    <Box paddingTop={4}>
      {loaded.data && rows.length === 0 ? (
        <EmptyStateLayout
          content={t('activity.empty')}
          action={<NewActivity community={community} primary onCreated={created} />}
        />
      ) : (
        <Flex justifyContent="flex-end" paddingBottom={4}>
          <NewActivity community={community} primary={false} onCreated={created} />
        </Flex>
      )}
      {rows.length > 0 && (
        <Table colCount={4} rowCount={rows.length}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">{t('activity.title')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('activity.kind')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">{t('activity.startsAt')}</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">QR</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((r) => (
              <Tr key={r.documentId}>
                <Td>
                  <Typography>{r.title}</Typography>
                </Td>
                <Td>
                  <Typography>{t(`kind.${r.kind}`)}</Typography>
                </Td>
                <Td>
                  <Typography>{new Date(r.startsAt).toLocaleString()}</Typography>
                </Td>
                <Td>
                  <Button variant="secondary" onClick={() => setOpen(r.documentId)}>
                    {t('activity.showQr')}
                  </Button>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {qr && (
        <Flex direction="column" alignItems="center" gap={2} paddingTop={6} className="dr-print">
          <Typography variant="beta">{qr.title}</Typography>
          <Typography>{qr.place}</Typography>
          <img src={qr.png} alt={qr.url} width={360} height={360} />
          <Typography variant="pi">
            {t('activity.expires')} {new Date(qr.expiresAt).toLocaleTimeString()}
          </Typography>
          <Button onClick={() => window.print()}>{t('activity.print')}</Button>
        </Flex>
      )}
    </Box>
  );
};
