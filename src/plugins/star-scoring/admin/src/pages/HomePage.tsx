import { useEffect, useState } from 'react';
import { Badge, Box, Button, Field, Flex, Main, Table, Tbody, Td, Th, Thead, Tr, Typography, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

type Row = { rank: number; branch: { documentId: string; name: string; code: string }; level: number; stars: string[]; totalPoints: number };

/** Ranking bulletin (排名通报) with year and category filters and CSV export. */
export const HomePage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage });
  const { get } = useFetchClient();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [category, setCategory] = useState<string>('');
  const [rows, setRows] = useState<Row[]>([]);
  const [csvBusy, setCsvBusy] = useState(false);
  const query = `year=${year}${category ? `&category=${category}` : ''}`;

  useEffect(() => {
    get(`/${PLUGIN_ID}/rankings?${query}&pageSize=500`).then((r: any) => setRows(r.data.data ?? [])).catch(() => setRows([]));
  }, [query]);

  const exportCsv = async () => {
    setCsvBusy(true);
    try {
      const r: any = await get(`/${PLUGIN_ID}/rankings?${query}&format=csv`, { responseType: 'text' } as any);
      const url = URL.createObjectURL(new Blob([r.data], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `star-ranking-${year}.csv`;
      a.click();
      URL.revokeObjectURL(url);
    } finally {
      setCsvBusy(false);
    }
  };
  const years = Array.from({ length: 5 }, (_, i) => new Date().getFullYear() - i);

  return (
    <Main>
      <Box padding={8}>
        <Typography variant="alpha" tag="h1">{t('plugin.name', '五星支部创建')}</Typography>
        <Box paddingTop={2} paddingBottom={4}><Typography variant="epsilon">{t('ranking.title', '排名通报')}</Typography></Box>
        <Flex gap={4} alignItems="flex-end" paddingBottom={4}>
          <Field.Root name="year">
            <Field.Label>{t('filter.year', '年度')}</Field.Label>
            <SingleSelect value={String(year)} onChange={(v: any) => setYear(Number(v))}>
              {years.map((y) => <SingleSelectOption key={y} value={String(y)}>{y}</SingleSelectOption>)}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="category">
            <Field.Label>{t('filter.category', '类别')}</Field.Label>
            <SingleSelect value={category || 'all'} onChange={(v: any) => setCategory(v === 'all' ? '' : String(v))}>
              <SingleSelectOption value="all">{t('category.all', '全部')}</SingleSelectOption>
              <SingleSelectOption value="urban">{t('category.urban', '城市社区')}</SingleSelectOption>
              <SingleSelectOption value="rural">{t('category.rural', '农村')}</SingleSelectOption>
            </SingleSelect>
          </Field.Root>
          <Button onClick={exportCsv} loading={csvBusy}>{t('ranking.export', '导出 CSV')}</Button>
        </Flex>
        <Table colCount={5} rowCount={rows.length + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">{t('ranking.rank', '排名')}</Typography></Th>
              <Th><Typography variant="sigma">{t('ranking.branch', '党组织')}</Typography></Th>
              <Th><Typography variant="sigma">{t('ranking.level', '星级')}</Typography></Th>
              <Th><Typography variant="sigma">{t('ranking.stars', '所获星')}</Typography></Th>
              <Th><Typography variant="sigma">{t('ranking.points', '总分')}</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((r) => (
              <Tr key={r.branch.documentId}>
                <Td><Typography>{r.rank}</Typography></Td>
                <Td><Typography>{r.branch.name}（{r.branch.code}）</Typography></Td>
                <Td><Badge>{r.level}★</Badge></Td>
                <Td><Typography>{r.stars.map((s) => t(`star.${s}`, s)).join('、')}</Typography></Td>
                <Td><Typography>{r.totalPoints}</Typography></Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Box>
    </Main>
  );
};
