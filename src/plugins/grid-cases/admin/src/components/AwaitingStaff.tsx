import { Box, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { EmptyBlock, TableHead, WrappingTable } from '@grassroots/kit/admin';
import { useLabels } from '../hooks/useLabels';
import { useT } from '../hooks/useT';
import { CaseActions } from './CaseActions';
import { CaseLink } from './CaseLink';
import type { CaseItem } from '../types';

/**
 * 督办台's last two sections: the cases the owner has handled, waiting for 核查 (confirm or send
 * back with a reason), and the rated ones waiting for 归档 — without them staff reach these only by id.
 */
export const AwaitingStaff = ({
  toVerify,
  toArchive,
  onDone,
}: {
  toVerify: CaseItem[];
  toArchive: CaseItem[];
  onDone: () => void | Promise<void>;
}) => {
  const t = useT();
  const l = useLabels();
  const owner = (r: CaseItem) => (r.owner ? `${r.owner.name} (${l.ownerKind(r.owner.kind)})` : '—');
  return (
    <>
      <Box paddingTop={8}>
        <Typography variant="delta" tag="h2">
          {t('supervision.toVerify')}
        </Typography>
      </Box>
      {toVerify.length === 0 ? (
        <EmptyBlock>{t('supervision.toVerifyEmpty')}</EmptyBlock>
      ) : (
        <WrappingTable>
          <Table colCount={6} rowCount={toVerify.length + 1}>
            <TableHead
              labels={[
                l.field('title'),
                l.field('ownerName'),
                l.field('result'),
                l.field('handledAt'),
                l.field('dueAt'),
                t('action.actions'),
              ]}
            />
            <Tbody>
              {toVerify.map((r) => (
                <Tr key={r.documentId} data-testid={`to-verify-${r.documentId}`}>
                  <Td>
                    <CaseLink documentId={r.documentId} title={r.title} />
                  </Td>
                  <Td>
                    <Typography>{owner(r)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{r.result ?? '—'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{l.when(r.handledAt)}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor={r.handledOnTime === false ? 'danger600' : undefined}>
                      {l.when(r.dueAt)}
                    </Typography>
                  </Td>
                  <Td>
                    <CaseActions item={r} only={['verify', 'sendBack']} onDone={onDone} />
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </WrappingTable>
      )}

      <Box paddingTop={8}>
        <Typography variant="delta" tag="h2">
          {t('supervision.toArchive')}
        </Typography>
      </Box>
      {toArchive.length === 0 ? (
        <EmptyBlock>{t('supervision.toArchiveEmpty')}</EmptyBlock>
      ) : (
        <WrappingTable>
          <Table colCount={5} rowCount={toArchive.length + 1}>
            <TableHead
              labels={[
                l.field('title'),
                l.field('ownerName'),
                l.field('satisfaction'),
                l.field('ratedAt'),
                t('action.actions'),
              ]}
            />
            <Tbody>
              {toArchive.map((r) => (
                <Tr key={r.documentId} data-testid={`to-archive-${r.documentId}`}>
                  <Td>
                    <CaseLink documentId={r.documentId} title={r.title} />
                  </Td>
                  <Td>
                    <Typography>{owner(r)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{r.satisfaction ? l.satisfaction(r.satisfaction) : '—'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{l.when(r.ratedAt)}</Typography>
                  </Td>
                  <Td>
                    <CaseActions item={r} only={['archive']} onDone={onDone} />
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </WrappingTable>
      )}
    </>
  );
};
