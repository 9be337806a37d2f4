import { useState } from 'react';
import {
  Box,
  Button,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { EmptyBlock, TableHead, useData } from '@grassroots/kit/admin';
import { useT } from '../useT';
import { PLUGIN_ID } from '../pluginId';
import { ManualCheckIn } from '../components/ManualCheckIn';
import { Verified } from '../components/Verified';
import { PendingRegistrations } from '../components/PendingRegistrations';
import type { QueueRow } from '../types';

/** Checked-out, not yet verified check-ins: verify with a rating, or reject. */
export const Queue = ({ community }: { community: string }) => {
  const t = useT();
  const { post } = useFetchClient();
  const filter = community ? `community=${community}` : '';
  const pending = useData<QueueRow[]>(`/${PLUGIN_ID}/check-ins/queue${filter ? `?${filter}` : ''}`);
  // Held here so that a decision reloads the verified list below as well.
  const verified = useData<QueueRow[]>(`/${PLUGIN_ID}/check-ins/queue?status=verified${filter ? `&${filter}` : ''}`);
  const rows = pending.data ?? [];
  const [ratings, setRatings] = useState<Record<string, string>>({});
  const decide = async (documentId: string, status: 'verified' | 'rejected') => {
    const rating = ratings[documentId] ? Number(ratings[documentId]) : undefined;
    await post(
      `/${PLUGIN_ID}/check-ins/${documentId}/decision`,
      status === 'verified' && rating ? { status, rating } : { status },
    );
    await Promise.all([pending.reload(), verified.reload()]);
  };
  return (
    <Box paddingTop={4}>
      <PendingRegistrations community={community} />
      {community && <ManualCheckIn community={community} onSaved={pending.reload} />}
      {rows.length === 0 && <EmptyBlock>{t('queue.empty')}</EmptyBlock>}
      {rows.length > 0 && (
        <Table colCount={6} rowCount={rows.length}>
          <TableHead
            labels={[
              t('queue.member'),
              t('activity.title'),
              t('queue.checkedInAt'),
              t('queue.minutes'),
              t('queue.rating'),
              t('queue.decision'),
            ]}
          />
          <Tbody>
            {rows.map((r) => (
              <Tr key={r.documentId}>
                <Td>
                  <Typography>
                    {r.member?.name} · {r.member?.unit}
                  </Typography>
                </Td>
                <Td>
                  <Typography>{r.activity?.title}</Typography>
                </Td>
                <Td>
                  <Typography data-testid="checked-in-at">{new Date(r.checkedInAt).toLocaleString()}</Typography>
                </Td>
                <Td>
                  <Typography>{r.minutes}</Typography>
                </Td>
                <Td>
                  <SingleSelect
                    aria-label="rating"
                    value={ratings[r.documentId] ?? ''}
                    onChange={(v: string | number) => setRatings({ ...ratings, [r.documentId]: String(v) })}
                  >
                    {[5, 4, 3, 2, 1].map((n) => (
                      <SingleSelectOption key={n} value={String(n)}>
                        {'★'.repeat(n)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Td>
                <Td>
                  <Flex gap={2}>
                    <Button onClick={() => decide(r.documentId, 'verified')}>{t('queue.verify')}</Button>
                    <Button variant="danger-light" onClick={() => decide(r.documentId, 'rejected')}>
                      {t('queue.reject')}
                    </Button>
                  </Flex>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      <Verified loaded={verified} />
    </Box>
  );
};
