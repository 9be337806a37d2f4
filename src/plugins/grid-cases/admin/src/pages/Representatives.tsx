import { useState } from 'react';
import { Box, Flex, Main, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import {
  EmptyBlock,
  ExportButtons,
  PagePlaceholder,
  TableHead,
  WrappingTable,
  useData,
  useErrorMessage,
} from '@grassroots/kit/admin';
import { enumLabel } from '@grassroots/kit/shared';
import { Nav } from '../components/Nav';
import { PeriodFields, usePeriod } from '../components/PeriodFields';
import { Suggestions } from '../components/Suggestions';
import { useLabels } from '../hooks/useLabels';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import type { DutiesRow } from '../types';

const REPRESENTATIVE = 'api::representative.representative';
const rate = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 代表委员履职: each representative's suggestions in a period (raised, closed, satisfied), with export. */
export const Representatives = () => {
  const t = useT();
  const labels = useLabels();
  const errorMessage = useErrorMessage();
  const period = usePeriod();
  const { from, to } = period;
  const [chosen, setChosen] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const url = `/${PLUGIN_ID}/representatives/duties?from=${from}&to=${to}`;
  const { data, error } = useData<DutiesRow[]>(url);
  const field = (name: string) => labels.fieldOf(REPRESENTATIVE, name);
  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('duties.title')} />
        <Flex gap={4} paddingBottom={4} alignItems="flex-end" wrap="wrap">
          <PeriodFields period={period} />
          <ExportButtons
            url={url}
            filename={`grid-cases-representatives-${from}-${to}`}
            labels={{ xlsx: t('figures.exportXlsx'), csv: t('figures.exportCsv') }}
            onError={(e) => setFailure(errorMessage(e))}
          />
        </Flex>
        <Typography variant="pi" textColor="neutral600">
          {t('duties.rule', { from, to })}
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
                        <Td>
                          <Typography>{enumLabel(REPRESENTATIVE, 'kind', r.kind, labels.locale)}</Typography>
                        </Td>
                        <Td>
                          <Typography>{r.grid?.name ?? '—'}</Typography>
                        </Td>
                        <Td>
                          <Typography data-testid="duties-raised">{r.raised}</Typography>
                        </Td>
                        <Td>
                          <Typography>{r.open}</Typography>
                        </Td>
                        <Td>
                          <Typography>{r.overdue}</Typography>
                        </Td>
                        <Td>
                          <Typography>{`${rate(r.closedRate)} (${r.closed}/${r.raised})`}</Typography>
                        </Td>
                        <Td>
                          <Typography>{`${rate(r.satisfactionRate)} (${r.satisfied}/${r.rated})`}</Typography>
                        </Td>
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
