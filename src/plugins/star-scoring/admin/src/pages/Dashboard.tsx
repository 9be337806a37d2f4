import { useState } from 'react';
import { Box, Flex, Main, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useData } from '@grassroots/kit/admin';
import { PLUGIN_ID, useT } from '../pluginId';
import { Nav } from '../components/Nav';
import { YearSelect } from '../components/YearSelect';
import { STATUSES, currentYear } from '../utils/totals';

type Dashboard = {
  year: number;
  byStarAndStatus: { star: string; status: string; count: number }[];
  branchesPerLevel: { level: number; count: number }[];
};
type Street = {
  documentId: string;
  name: string;
  code: string;
  branches: number;
  assessments: number;
  approvedStars: number;
};

const H = ({ children }: { children: React.ReactNode }) => (
  <Th>
    <Typography variant="sigma">{children}</Typography>
  </Th>
);

/** Campaign dashboard of a year: branches per level, assessments per star and status, per street. */
export const Dashboard = () => {
  const t = useT();
  const [year, setYear] = useState(currentYear() - 1);
  const { data, error } = useData<Dashboard>(`/${PLUGIN_ID}/dashboard?year=${year}`);
  const { data: streets } = useData<Street[]>(`/${PLUGIN_ID}/streets?year=${year}`);
  const perLevel = new Map((data?.branchesPerLevel ?? []).map((l) => [l.level, l.count]));
  const stars = [...new Set((data?.byStarAndStatus ?? []).map((r) => r.star))].sort();
  const cell = (star: string | null, status: string) =>
    (data?.byStarAndStatus ?? [])
      .filter((r) => (star === null || r.star === star) && r.status === status)
      .reduce((n, r) => n + r.count, 0);

  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('dashboard.title')} subtitle={t('dashboard.subtitle', { year })} />
        <Flex paddingBottom={4}>
          <YearSelect value={year} onChange={setYear} />
        </Flex>
        {error ? <Typography textColor="danger600">{error}</Typography> : null}

        <Box paddingBottom={6} data-testid="levels" data-loaded={data ? 'yes' : 'no'}>
          <Typography variant="delta" tag="h2">
            {t('dashboard.levels')}
          </Typography>
          <Table colCount={6} rowCount={2}>
            <Thead>
              <Tr>
                {[0, 1, 2, 3, 4, 5].map((l) => (
                  <H key={l}>{t('dashboard.levelN', { n: l })}</H>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              <Tr>
                {[0, 1, 2, 3, 4, 5].map((l) => (
                  <Td key={l} data-level={l}>
                    <Typography>{perLevel.get(l) ?? 0}</Typography>
                  </Td>
                ))}
              </Tr>
            </Tbody>
          </Table>
        </Box>

        <Box paddingBottom={6} data-testid="progress">
          <Typography variant="delta" tag="h2">
            {t('dashboard.progress')}
          </Typography>
          <Table colCount={STATUSES.length + 1} rowCount={stars.length + 2}>
            <Thead>
              <Tr>
                <H>{t('dashboard.star')}</H>
                {STATUSES.map((s) => (
                  <H key={s}>{t(`status.${s}`)}</H>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {stars.map((star) => (
                <Tr key={star} data-star={star}>
                  <Td>
                    <Typography>{t(`star.${star}`)}</Typography>
                  </Td>
                  {STATUSES.map((s) => (
                    <Td key={s} data-status={s}>
                      <Typography>{cell(star, s)}</Typography>
                    </Td>
                  ))}
                </Tr>
              ))}
              <Tr data-star="all">
                <Td>
                  <Typography fontWeight="bold">{t('dashboard.total')}</Typography>
                </Td>
                {STATUSES.map((s) => (
                  <Td key={s} data-status={s}>
                    <Typography fontWeight="bold">{cell(null, s)}</Typography>
                  </Td>
                ))}
              </Tr>
            </Tbody>
          </Table>
        </Box>

        <Box paddingBottom={6} data-testid="streets">
          <Typography variant="delta" tag="h2">
            {t('dashboard.streets')}
          </Typography>
          <Table colCount={4} rowCount={(streets?.length ?? 0) + 1}>
            <Thead>
              <Tr>
                <H>{t('dashboard.street')}</H>
                <H>{t('dashboard.branches')}</H>
                <H>{t('dashboard.assessments')}</H>
                <H>{t('dashboard.approvedStars')}</H>
              </Tr>
            </Thead>
            <Tbody>
              {(streets ?? []).map((s) => (
                <Tr key={s.documentId} data-code={s.code}>
                  <Td>
                    <Typography>{s.name}</Typography>
                  </Td>
                  <Td>
                    <Typography>{s.branches}</Typography>
                  </Td>
                  <Td>
                    <Typography>{s.assessments}</Typography>
                  </Td>
                  <Td>
                    <Typography>{s.approvedStars}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      </Box>
    </Main>
  );
};
