import { Badge, Box, Flex, Main, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { EmptyBlock, PagePlaceholder, TableHead, useData } from '@grassroots/kit/admin';
import { AwaitingStaff } from '../components/AwaitingStaff';
import { CaseActions } from '../components/CaseActions';
import { CaseSection } from '../components/CaseTable';
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
  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('supervision.title')} />

        <CaseSection
          first
          title={t('supervision.toDispatch')}
          empty={t('supervision.toDispatchEmpty')}
          rows={data.toDispatch ?? []}
          testId="to-dispatch"
          columns={[
            { label: l.field('category'), text: (r) => r.category?.name ?? '—' },
            { label: l.field('grid'), text: (r) => r.grid?.name ?? '—' },
            { label: l.field('acceptedAt'), text: (r) => l.when(r.acceptedAt) },
          ]}
          actions={(r) => <CaseActions item={r} only={['dispatch', 'escalate']} onDone={reload} />}
        />
        <CaseSection
          title={t('supervision.running')}
          empty={t('supervision.runningEmpty')}
          rows={data.cases}
          testId="running"
          columns={[
            { label: l.field('ownerName'), text: (r) => l.owner(r.owner) },
            {
              label: l.field('status'),
              cell: (r) => (
                <Flex gap={1} wrap="wrap">
                  <Typography>{l.status(r.status)}</Typography>
                  {r.extension.status === 'requested' && (
                    <Badge>{t('supervision.extensionAsked', { n: r.extension.days ?? 0 })}</Badge>
                  )}
                </Flex>
              ),
            },
            { label: l.field('dueAt'), text: (r) => l.when(r.dueAt) },
            { label: t('supervision.urgency'), cell: (r) => <UrgencyBadge urgency={r.urgency} /> },
          ]}
          actions={(r) => <CaseActions item={r} only={['dispatch', 'escalate']} onDone={reload} />}
        />

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
                <Tr key={o.account ?? `name:${o.owner}`} data-testid="owner-row">
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
