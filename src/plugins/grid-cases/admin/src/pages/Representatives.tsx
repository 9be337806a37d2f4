import { useState } from 'react';
import { Box, Main, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { EmptyBlock, PagePlaceholder, TableHead, TextCells, WrappingTable, useData } from '@grassroots/kit/admin';
import { enumLabel } from '@grassroots/kit/shared';
import { rateText, type DutiesRow } from '../../../shared';
import { Nav } from '../components/Nav';
import { usePeriod } from '../components/PeriodFields';
import { PeriodToolbar } from '../components/PeriodToolbar';
import { Suggestions } from '../components/Suggestions';
import { useLabels } from '../hooks/useLabels';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';

const REPRESENTATIVE = 'api::representative.representative';

/** 代表委员履职: each representative's suggestions in a period (raised, closed, satisfied), with export. */
export const Representatives = () => {
  const t = useT();
  const labels = useLabels();
  const period = usePeriod();
  const { from, to } = period;
  const [chosen, setChosen] = useState<string | null>(null);
  const url = `/${PLUGIN_ID}/representatives/duties?from=${from}&to=${to}`;
  const { data, error } = useData<DutiesRow[]>(url);
  const field = (name: string) => labels.fieldOf(REPRESENTATIVE, name);
  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('duties.title')} />
        <PeriodToolbar
          period={period}
          url={url}
          filename={`grid-cases-representatives-${from}-${to}`}
          rule={t('duties.rule', { from, to })}
        />
        <Box paddingTop={4}>
          {!data ? (
            <PagePlaceholder bare error={error} />
          ) : data.length === 0 ? (
            <EmptyBlock>{t('duties.empty')}</EmptyBlock>
          ) : (
            <>
              {data.every((r) => r.raised === 0) && <EmptyBlock>{t('duties.noneRaised')}</EmptyBlock>}
              <WrappingTable>
                <Table colCount={8} rowCount={data.length + 1}>
                  <TableHead
                    labels={[
                      field('name'),
                      field('kind'),
                      field('grid'),
                      t('duties.raised'),
                      t('duties.open'),
                      t('duties.overdue'),
                      t('duties.closedRate'),
                      t('figures.satisfactionRate'),
                    ]}
                  />
                  <Tbody>
                    {data.map((r) => (
                      <Tr
                        key={r.documentId}
                        data-testid="duties-row"
                        onClick={() => setChosen(r.documentId)}
                        style={{ cursor: 'pointer' }}
                        aria-selected={chosen === r.documentId}
                      >
                        <Td>
                          <Typography textColor="primary600">{r.name}</Typography>
                        </Td>
                        <TextCells
                          values={[enumLabel(REPRESENTATIVE, 'kind', r.kind, labels.locale), r.grid?.name ?? '—']}
                        />
                        <Td>
                          <Typography data-testid="duties-raised">{r.raised}</Typography>
                        </Td>
                        <TextCells
                          values={[
                            r.open,
                            r.overdue,
                            rateText(r.closedRate, r.closed, r.raised),
                            rateText(r.satisfactionRate, r.satisfied, r.rated),
                          ]}
                        />
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              </WrappingTable>
            </>
          )}
        </Box>
        {chosen && <Suggestions documentId={chosen} />}
      </Box>
    </Main>
  );
};
