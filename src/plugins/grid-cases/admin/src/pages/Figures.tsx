import { useState } from 'react';
import {
  Box,
  Field,
  Flex,
  Main,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { EmptyBlock, ExportButtons, PagePlaceholder, TableHead, WrappingTable, useData } from '@grassroots/kit/admin';
import { useErrorMessage } from '@grassroots/kit/admin';
import { Nav } from '../components/Nav';
import { PeriodFields, usePeriod } from '../components/PeriodFields';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import type { FiguresRow } from '../types';

const GROUPINGS = ['grid', 'community', 'street', 'owner', 'category'] as const;
const rate = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 统计: 三率 (响应率, 解决率, 满意率) by grid, community, street, owner or category for a period, with export. */
export const Figures = () => {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [by, setBy] = useState<(typeof GROUPINGS)[number]>('grid');
  const period = usePeriod();
  const { from, to } = period;
  const [failure, setFailure] = useState<string | null>(null);
  const url = `/${PLUGIN_ID}/figures?by=${by}&from=${from}&to=${to}`;
  const { data, error } = useData<FiguresRow[]>(url);
  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('figures.title')} />
        <Flex gap={4} paddingBottom={4} alignItems="flex-end" wrap="wrap">
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
          <PeriodFields period={period} />
          <ExportButtons
            url={url}
            filename={`grid-cases-${by}-${from}-${to}`}
            labels={{ xlsx: t('figures.exportXlsx'), csv: t('figures.exportCsv') }}
            onError={(e) => setFailure(errorMessage(e))}
          />
        </Flex>
        <Typography variant="pi" textColor="neutral600">
          {t('figures.rule', { from, to })}
        </Typography>
        {failure && (
          <Box paddingTop={2}>
            <Typography role="alert" textColor="danger600">
              {failure}
            </Typography>
          </Box>
        )}
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
                      <Td>
                        <Typography>{r.name ?? r.key ?? t('figures.none')}</Typography>
                      </Td>
                      <Td>
                        <Typography>{r.reported}</Typography>
                      </Td>
                      <Td>
                        <Typography>{r.accepted}</Typography>
                      </Td>
                      <Td>
                        <Typography>{r.dispatched}</Typography>
                      </Td>
                      <Td>
                        <Typography>{`${rate(r.responseRate)} (${r.responded}/${r.dispatched})`}</Typography>
                      </Td>
                      <Td>
                        <Typography>{`${rate(r.resolutionRate)} (${r.archived}/${r.accepted})`}</Typography>
                      </Td>
                      <Td>
                        <Typography>{`${rate(r.satisfactionRate)} (${r.satisfied}/${r.rated})`}</Typography>
                      </Td>
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
