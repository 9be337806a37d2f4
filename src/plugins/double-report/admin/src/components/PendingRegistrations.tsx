import { useState } from 'react';
import { Box, Button, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useT } from '../useT';
import { PLUGIN_ID } from '../pluginId';
import { useErrorMessage, useData } from '@grassroots/kit/admin';
import type { PendingRegistration } from '../types';

/** Report-ins waiting for the community (报到接收): accept each one. */
export const PendingRegistrations = ({ community }: { community: string }) => {
  const errorMessage = useErrorMessage();
  const t = useT();
  const { post } = useFetchClient();
  const { data, reload } = useData<PendingRegistration[]>(
    `/${PLUGIN_ID}/registrations/pending${community ? `?community=${community}` : ''}`,
  );
  const rows = data ?? [];
  const [message, setMessage] = useState<string | null>(null);
  const accept = async (documentId: string) => {
    try {
      await post(`/${PLUGIN_ID}/registrations/${documentId}/accept`, {});
      setMessage(null);
    } catch (e) {
      setMessage(errorMessage(e));
    }
    await reload();
  };
  const who = (r: PendingRegistration) =>
    r.kind === 'unit' ? r.unit?.name : `${r.member?.name ?? ''}${r.member?.unit ? ` · ${r.member.unit}` : ''}`;
  return (
    <Box paddingBottom={6} data-testid="pending-registrations">
      <Typography variant="delta" tag="h2">
        {t('registrations.title')}
      </Typography>
      {message && (
        <Box paddingTop={2}>
          <Typography textColor="danger600">{message}</Typography>
        </Box>
      )}
      {rows.length === 0 ? (
        <Box paddingTop={2}>
          <Typography textColor="neutral600">{t('registrations.none')}</Typography>
        </Box>
      ) : (
        <Box paddingTop={2}>
          <Table colCount={4} rowCount={rows.length}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('registrations.who')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('registrations.kind')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('registrations.reportedOn')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma"> </Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((r) => (
                <Tr key={r.documentId} data-testid={`registration-${r.documentId}`}>
                  <Td>
                    <Typography>{who(r)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{t(`registrations.kind.${r.kind}`)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{r.reportedOn}</Typography>
                  </Td>
                  <Td>
                    <Button size="S" onClick={() => accept(r.documentId)}>
                      {t('registrations.accept')}
                    </Button>
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
