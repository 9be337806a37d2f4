import { useState, type ChangeEvent } from 'react';
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
  TextInput,
  Tr,
  Typography,
} from '@strapi/design-system';
import { EmptyBlock, ExportButtons, PagePlaceholder, TableHead, WrappingTable, useData } from '@grassroots/kit/admin';
import { useErrorMessage } from '@grassroots/kit/admin';
import { shanghaiDate } from '../../../shared';
import { Nav } from '../components/Nav';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import type { FiguresRow } from '../types';

const GROUPINGS = ['grid', 'community', 'street', 'owner', 'category'] as const;
const PRESETS = ['month', 'quarter', 'year', 'custom'] as const;
type Preset = (typeof PRESETS)[number];

/** The first day of the period a preset names, counted in China's dates; the period ends today. */
function periodStart(preset: Exclude<Preset, 'custom'>, today: string): string {
  const [y, m] = today.split('-').map(Number);
  if (preset === 'year') return `${y}-01-01`;
  const month = preset === 'month' ? m : Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(month).padStart(2, '0')}-01`;
}
const rate = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 统计: 三率 (响应率, 解决率, 满意率) by grid, community, street, owner or category for a period, with export. */
export const Figures = () => {
  const t = useT();
  const errorMessage = useErrorMessage();
  const today = shanghaiDate(new Date());
  const [by, setBy] = useState<(typeof GROUPINGS)[number]>('grid');
  const [preset, setPreset] = useState<Preset>('year');
  const [custom, setCustom] = useState({ from: periodStart('month', today), to: today });
  const [failure, setFailure] = useState<string | null>(null);
  const from = preset === 'custom' ? custom.from : periodStart(preset, today);
  const to = preset === 'custom' ? custom.to : today;
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
          <Field.Root name="period">
            <Field.Label>{t('figures.period')}</Field.Label>
            <SingleSelect
              aria-label={t('figures.period')}
              value={preset}
              onChange={(v: string | number) => setPreset(String(v) as Preset)}
            >
              {PRESETS.map((p) => (
                <SingleSelectOption key={p} value={p}>
                  {t(`figures.period.${p}`)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          {preset === 'custom' && (
            <>
              <Field.Root name="from">
                <Field.Label>{t('figures.from')}</Field.Label>
                <TextInput
                  type="date"
                  value={custom.from}
                  onChange={(e: ChangeEvent<HTMLInputElement>) => setCustom({ ...custom, from: e.target.value })}
                />
              </Field.Root>
              <Field.Root name="to">
                <Field.Label>{t('figures.to')}</Field.Label>
                <TextInput
                  type="date"
                  value={custom.to}
                  onChange={(e: ChangeEvent<HTMLInputElement>) => setCustom({ ...custom, to: e.target.value })}
                />
              </Field.Root>
            </>
          )}
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
