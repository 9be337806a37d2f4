import { useEffect, useState } from 'react';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useData } from '@grassroots/kit/admin';
import { useT } from '../useT';
import { PLUGIN_ID } from '../pluginId';

import type { ActivityRow, Qr } from '../types';

/** Upcoming activities; one opens its printable QR code, refreshed before the token expires. */
export const Activities = ({ community }: { community: string }) => {
  const t = useT();
  const rows = useData<ActivityRow[]>(`/${PLUGIN_ID}/communities/${community}/activities`).data ?? [];
  const [open, setOpen] = useState<string | null>(null);
  const { data: qr, reload } = useData<Qr>(open ? `/${PLUGIN_ID}/activities/${open}/qr` : null);
  // The server rotates the token once half its lifetime is gone: ask again every minute.
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => void reload(), 60000);
    return () => clearInterval(timer);
  }, [open, reload]);
  return (
    <Box paddingTop={4}>
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
