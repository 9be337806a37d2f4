import { Badge, Box, Flex, Main, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { EmptyBlock, PagePlaceholder, TableHead, WrappingTable, useData } from '@grassroots/kit/admin';
import { AwaitingStaff } from '../components/AwaitingStaff';
import { CaseActions } from '../components/CaseActions';
import { CaseLink } from '../components/CaseLink';
import { Nav } from '../components/Nav';
import { UrgencyBadge } from '../components/UrgencyBadge';
import { useLabels } from '../hooks/useLabels';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import type { Supervision as SupervisionData } from '../types';

/**
 * 派单/督办台: accepted cases waiting for 派单; running cases by deadline, overdue first, with their
 * urgency and any extension to decide; handled cases waiting for 核查 and rated ones for 归档; per
 * owner how many run, warn and are late.
 */
export const Supervision = () => {
  const t = useT();
  const l = useLabels();
  const { data, error, reload } = useData<SupervisionData>(`/${PLUGIN_ID}/supervision`);
  if (!data) return <PagePlaceholder error={error} />;
  const waiting = data.toDispatch ?? [];
  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('supervision.title')} />

        <Typography variant="delta" tag="h2">
          {t('supervision.toDispatch')}
        </Typography>
        {waiting.length === 0 ? (
          <EmptyBlock>{t('supervision.toDispatchEmpty')}</EmptyBlock>
        ) : (
          <WrappingTable>
            <Table colCount={5} rowCount={waiting.length + 1}>
              <TableHead
                labels={[
                  l.field('title'),
                  l.field('category'),
                  l.field('grid'),
                  l.field('acceptedAt'),
                  t('action.actions'),
                ]}
              />
              <Tbody>
                {waiting.map((r) => (
                  <Tr key={r.documentId} data-testid={`to-dispatch-${r.documentId}`}>
                    <Td>
                      <CaseLink documentId={r.documentId} title={r.title} />
                    </Td>
                    <Td>
                      <Typography>{r.category?.name ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Typography>{r.grid?.name ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Typography>{l.when(r.acceptedAt)}</Typography>
                    </Td>
                    <Td>
                      <CaseActions item={r} only={['dispatch', 'escalate']} onDone={reload} />
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </WrappingTable>
        )}

        <Box paddingTop={8}>
          <Typography variant="delta" tag="h2">
            {t('supervision.running')}
          </Typography>
        </Box>
        {data.cases.length === 0 ? (
          <EmptyBlock>{t('supervision.runningEmpty')}</EmptyBlock>
        ) : (
          <WrappingTable>
            <Table colCount={6} rowCount={data.cases.length + 1}>
              <TableHead
                labels={[
                  l.field('title'),
                  l.field('ownerName'),
                  l.field('status'),
                  l.field('dueAt'),
                  t('supervision.urgency'),
                  t('action.actions'),
                ]}
              />
              <Tbody>
                {data.cases.map((r) => (
                  <Tr key={r.documentId} data-testid={`running-${r.documentId}`}>
                    <Td>
                      <CaseLink documentId={r.documentId} title={r.title} />
                    </Td>
                    <Td>
                      <Typography>{r.owner ? `${r.owner.name} (${l.ownerKind(r.owner.kind)})` : '—'}</Typography>
                    </Td>
                    <Td>
                      <Flex gap={1} wrap="wrap">
                        <Typography>{l.status(r.status)}</Typography>
                        {r.extension.status === 'requested' && (
                          <Badge>{t('supervision.extensionAsked', { n: r.extension.days ?? 0 })}</Badge>
                        )}
                      </Flex>
                    </Td>
                    <Td>
                      <Typography>{l.when(r.dueAt)}</Typography>
                    </Td>
                    <Td>
                      <UrgencyBadge urgency={r.urgency} />
                    </Td>
                    <Td>
                      <CaseActions item={r} only={['dispatch', 'escalate']} onDone={reload} />
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </WrappingTable>
        )}

        <AwaitingStaff toVerify={data.toVerify ?? []} toArchive={data.toArchive ?? []} onDone={reload} />

        <Box paddingTop={8}>
          <Typography variant="delta" tag="h2">
            {t('supervision.owners')}
          </Typography>
        </Box>
        {data.owners.length === 0 ? (
          <EmptyBlock>{t('supervision.ownersEmpty')}</EmptyBlock>
        ) : (
          <Table colCount={4} rowCount={data.owners.length + 1}>
            <TableHead
              labels={[l.field('ownerName'), t('supervision.runningCount'), t('urgency.warning'), t('urgency.overdue')]}
            />
            <Tbody>
              {data.owners.map((o) => (
                <Tr key={o.owner} data-testid="owner-row">
                  <Td>
                    <Typography>{o.owner}</Typography>
                  </Td>
                  <Td>
                    <Typography>{o.running}</Typography>
                  </Td>
                  <Td>
                    <Typography>{o.warning}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor={o.overdue ? 'danger600' : undefined}>{o.overdue}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Box>
    </Main>
  );
};
