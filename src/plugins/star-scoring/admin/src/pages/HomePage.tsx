import { useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Main,
  Table,
  Tbody,
  Td,
  TextButton,
  Th,
  Thead,
  Tr,
  Typography,
  SingleSelect,
  SingleSelectOption,
} from '@strapi/design-system';
import { useNavigate } from 'react-router-dom';
import { ExportButtons, useData } from '@grassroots/kit/admin';
import { PLUGIN_ID, useT } from '../pluginId';
import { Nav } from '../components/Nav';
import { YearSelect } from '../components/YearSelect';
import { currentYear } from '../utils/totals';

type Row = {
  rank: number;
  branch: { documentId: string; name: string; code: string };
  level: number;
  stars: string[];
  totalPoints: number;
};
type Street = { documentId: string; name: string; code: string };
const PAGE = 100;

/** Ranking bulletin (排名通报) with year, category and parent-branch filters and Excel/CSV export. */
export const HomePage = () => {
  const t = useT();
  const go = useNavigate();
  const [year, setYear] = useState(currentYear() - 1);
  const [category, setCategory] = useState<string>('');
  const [parent, setParent] = useState<string>('');
  const [page, setPage] = useState(1);
  const { data: streets } = useData<Street[]>(`/${PLUGIN_ID}/streets?year=${year}`);
  const query = `year=${year}${category ? `&category=${category}` : ''}${parent ? `&parent=${parent}` : ''}`;
  // A province has tens of thousands of branches: the bulletin is read a page at a time. An answer to an
  // older filter arriving late is dropped by useData.
  const {
    data: rows,
    meta,
    loading,
  } = useData<Row[], { total: number }>(`/${PLUGIN_ID}/rankings?${query}&page=${page}&pageSize=${PAGE}`);
  const total = meta?.total ?? 0;
  /** Changing a filter starts again at page 1. */
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const pages = Math.max(1, Math.ceil(total / PAGE));

  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('plugin.name')} subtitle={t('ranking.title')} />
        <Flex gap={4} alignItems="flex-end" paddingBottom={4} wrap="wrap">
          <YearSelect value={year} onChange={filter(setYear)} />
          <Field.Root name="category">
            <Field.Label>{t('filter.category')}</Field.Label>
            <SingleSelect
              value={category || 'all'}
              onChange={(v: string | number) => filter(setCategory)(v === 'all' ? '' : String(v))}
            >
              <SingleSelectOption value="all">{t('category.all')}</SingleSelectOption>
              <SingleSelectOption value="urban">{t('category.urban')}</SingleSelectOption>
              <SingleSelectOption value="rural">{t('category.rural')}</SingleSelectOption>
            </SingleSelect>
          </Field.Root>
          <Field.Root name="parent">
            <Field.Label>{t('filter.parent')}</Field.Label>
            <SingleSelect
              value={parent || 'all'}
              onChange={(v: string | number) => filter(setParent)(v === 'all' ? '' : String(v))}
              data-testid="parent-select"
            >
              <SingleSelectOption value="all">{t('category.all')}</SingleSelectOption>
              {(streets ?? []).map((s) => (
                <SingleSelectOption key={s.documentId} value={s.documentId}>
                  {s.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <ExportButtons
            url={`/${PLUGIN_ID}/rankings?${query}`}
            filename={`star-ranking-${year}`}
            labels={{ xlsx: t('ranking.exportXlsx'), csv: t('ranking.export') }}
          />
        </Flex>
        <Box data-testid="ranking" data-loaded={rows && !loading ? 'yes' : 'no'}>
          <Table colCount={5} rowCount={(rows?.length ?? 0) + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('ranking.rank')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('ranking.branch')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('ranking.level')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('ranking.stars')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('ranking.points')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {(loading ? [] : (rows ?? [])).map((r) => (
                <Tr key={r.branch.documentId} data-code={r.branch.code}>
                  <Td>
                    <Typography>{r.rank}</Typography>
                  </Td>
                  <Td>
                    <TextButton
                      onClick={() => go(`/plugins/${PLUGIN_ID}/branches/${r.branch.documentId}?year=${year}`)}
                    >
                      {r.branch.name}（{r.branch.code}）
                    </TextButton>
                  </Td>
                  <Td>
                    <Badge>{r.level}★</Badge>
                  </Td>
                  <Td>
                    <Typography>{r.stars.map((s) => t(`star.${s}`)).join('、')}</Typography>
                  </Td>
                  <Td>
                    <Typography>{r.totalPoints}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          {!loading && rows?.length === 0 && (
            <Box padding={6}>
              <Typography textColor="neutral600">{t('ranking.empty')}</Typography>
            </Box>
          )}
        </Box>
        <Flex gap={3} paddingTop={4} alignItems="center">
          <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('ranking.prev')}
          </Button>
          <Typography data-testid="ranking-page">{t('ranking.page', { page, pages, total })}</Typography>
          <Button variant="tertiary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('ranking.next')}
          </Button>
        </Flex>
      </Box>
    </Main>
  );
};
