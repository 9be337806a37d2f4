import { useState, type ChangeEvent } from 'react';
import { Box, Button, Flex, Table, Tbody, Td, TextInput, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useT } from '../useT';
import { PLUGIN_ID } from '../pluginId';
import { EmptyBlock, TableHead, useErrorMessage, type Loaded } from '@grassroots/kit/admin';
import type { QueueRow } from '../types';

/** The revoke route's answer. */
interface Revoked {
  data: { data: { reversals: Array<{ source: string; points: number }> } };
}

/** Recently verified check-ins; revoking one writes reversal rows to the points ledger (the server does it). */
export const Verified = ({ loaded }: { loaded: Loaded<QueueRow[], Record<string, unknown>> }) => {
  const errorMessage = useErrorMessage();
  const t = useT();
  const { post } = useFetchClient();
  const rows = loaded.data ?? [];
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const revoke = async (documentId: string) => {
    setMessage(null);
    try {
      const { data } = (await post(`/${PLUGIN_ID}/check-ins/${documentId}/revoke`, {
        reason: (reasons[documentId] ?? '').trim(),
      })) as Revoked;
      const points = data.data.reversals.reduce((s, r) => s + r.points, 0);
      setMessage({ ok: true, text: t('revoke.done', { points }) });
      await loaded.reload();
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    }
  };
  return (
    <Box paddingTop={6}>
      <Typography variant="delta" tag="h2">
        {t('revoke.title')}
      </Typography>
      {message && (
        <Box paddingTop={2}>
          <Typography role="alert" textColor={message.ok ? 'success600' : 'danger600'}>
            {message.text}
          </Typography>
        </Box>
      )}
      {loaded.data && rows.length === 0 && <EmptyBlock>{t('revoke.empty')}</EmptyBlock>}
      {rows.length > 0 && (
        <Box paddingTop={2}>
          <Table colCount={4} rowCount={rows.length}>
            <TableHead labels={[t('queue.member'), t('activity.title'), t('queue.minutes'), t('revoke.reason')]} />
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
                    <Typography>
                      {r.minutes}
                      {r.rating ? ` · ${'★'.repeat(r.rating)}` : ''}
                    </Typography>
                  </Td>
                  <Td>
                    <Flex gap={2}>
                      <TextInput
                        aria-label={t('revoke.reason')}
                        value={reasons[r.documentId] ?? ''}
                        onChange={(e: ChangeEvent<HTMLInputElement>) =>
                          setReasons({ ...reasons, [r.documentId]: e.target.value })
                        }
                      />
                      <Button
                        variant="danger-light"
                        disabled={(reasons[r.documentId] ?? '').trim().length < 2}
                        onClick={() => revoke(r.documentId)}
                      >
                        {t('revoke.button')}
                      </Button>
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
