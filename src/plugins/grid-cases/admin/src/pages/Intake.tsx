import { Box, Flex, Main, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { EmptyBlock, PagePlaceholder, TableHead, WrappingTable, useData } from '@grassroots/kit/admin';
import { CaseActions } from '../components/CaseActions';
import { CaseLink } from '../components/CaseLink';
import { Nav } from '../components/Nav';
import { useLabels } from '../hooks/useLabels';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import type { IntakeItem } from '../types';

/** 受理台: reported cases, newest first, each with its possible duplicates; 受理, 退回, 合并. */
export const Intake = () => {
  const t = useT();
  const l = useLabels();
  const { data, error, reload } = useData<IntakeItem[]>(`/${PLUGIN_ID}/intake`);
  if (!data) return <PagePlaceholder error={error} />;
  const rows = data;
  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('intake.title')} />
        {rows.length === 0 ? (
          <EmptyBlock>{t('intake.empty')}</EmptyBlock>
        ) : (
          <WrappingTable>
            <Table colCount={7} rowCount={rows.length + 1}>
              <TableHead
                labels={[
                  l.field('title'),
                  l.field('category'),
                  l.field('source'),
                  l.field('grid'),
                  l.field('reportedAt'),
                  t('intake.duplicates'),
                  t('action.actions'),
                ]}
              />
              <Tbody>
                {rows.map((r) => (
                  <Tr key={r.documentId} data-testid={`intake-${r.documentId}`}>
                    <Td>
                      <CaseLink documentId={r.documentId} title={r.title} />
                    </Td>
                    <Td>
                      <Typography>{r.category?.name ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Typography>{l.source(r.source)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{r.grid?.name ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Typography>{l.when(r.reportedAt)}</Typography>
                    </Td>
                    <Td>
                      {r.possibleDuplicates.length === 0 ? (
                        <Typography textColor="neutral500">{t('intake.noDuplicates')}</Typography>
                      ) : (
                        <Flex direction="column" alignItems="flex-start" gap={1}>
                          {r.possibleDuplicates.map((d) => (
                            <Flex key={d.documentId} gap={1}>
                              <CaseLink documentId={d.documentId} title={d.title} />
                              <Typography variant="pi" textColor="neutral600">
                                {l.status(d.status)} · {t('intake.metres', { n: d.metres })}
                              </Typography>
                            </Flex>
                          ))}
                        </Flex>
                      )}
                    </Td>
                    <Td>
                      <CaseActions
                        item={r}
                        only={['accept', 'return', 'merge']}
                        candidates={r.possibleDuplicates}
                        onDone={reload}
                      />
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </WrappingTable>
        )}
      </Box>
    </Main>
  );
};
