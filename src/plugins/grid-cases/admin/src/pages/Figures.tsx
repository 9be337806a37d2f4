import { useState } from 'react';
import { Box, Field, Main, SingleSelect, SingleSelectOption, Table, Tbody, Tr } from '@strapi/design-system';
import { EmptyBlock, PagePlaceholder, TableHead, TextCells, WrappingTable, useData } from '@grassroots/kit/admin';
import { rateText, type FiguresRow } from '../../../shared';
import { Nav } from '../components/Nav';
import { usePeriod } from '../components/PeriodFields';
import { PeriodToolbar } from '../components/PeriodToolbar';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';

const GROUPINGS = ['grid', 'community', 'street', 'owner', 'category'] as const;

/** 统计: 三率 (响应率, 解决率, 满意率) by grid, community, street, owner or category for a period, with export. */
export const Figures = () => {
  const t = useT();
  const [by, setBy] = useState<(typeof GROUPINGS)[number]>('grid');
  const period = usePeriod();
  const { from, to } = period;
  const url = `/${PLUGIN_ID}/figures?by=${by}&from=${from}&to=${to}`;
  const { data, error } = useData<FiguresRow[]>(url);
  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('figures.title')} />
        <PeriodToolbar
          period={period}
          url={url}
          filename={`grid-cases-${by}-${from}-${to}`}
          rule={t('figures.rule', { from, to })}
        >
          <Field.Root name="by">
            <Field.Label>{t('figures.by')}</Field.Label>
            <SingleSelect
              aria-label={t('figures.by')}
              value={by}
              onChange={(v: string | number) => setBy(String(v) as typeof by)}
            >
              {GROUPINGS.map((g) => (
                <SingleSelectOption key={g} value={g}>
                  {t(`figures.by.${g}`)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </PeriodToolbar>
        <Box paddingTop={4}>
          {!data ? (
            <PagePlaceholder bare error={error} />
          ) : data.length === 0 ? (
            <EmptyBlock>{t('figures.empty')}</EmptyBlock>
          ) : (
            <WrappingTable>
              <Table colCount={7} rowCount={data.length + 1}>
                <TableHead
                  labels={[
                    t(`figures.by.${by}`),
                    t('figures.reported'),
                    t('figures.accepted'),
                    t('figures.dispatched'),
                    t('figures.responseRate'),
                    t('figures.resolutionRate'),
                    t('figures.satisfactionRate'),
                  ]}
                />
                <Tbody>
                  {data.map((r) => (
                    <Tr key={`${r.key}-${r.name}`} data-testid="figures-row">
                      <TextCells
                        values={[
                          r.name ?? r.key ?? t('figures.none'),
                          r.reported,
                          r.accepted,
                          r.dispatched,
                          rateText(r.responseRate, r.responded, r.dispatched),
                          rateText(r.resolutionRate, r.archived, r.accepted),
                          rateText(r.satisfactionRate, r.satisfied, r.rated),
                        ]}
                      />
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </WrappingTable>
          )}
        </Box>
      </Box>
    </Main>
  );
};
