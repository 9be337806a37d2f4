import { Badge, Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ExportButtons, useData } from '@grassroots/kit/admin';
import { useT } from '../useT';
import { PLUGIN_ID } from '../pluginId';
import type { Dashboard as DashboardData } from '../types';

/** Hours by community and by member, the under-requirement list, Excel and CSV export. */
export const Dashboard = ({ community, year }: { community: string; year: string }) => {
  const t = useT();
  const query = `year=${encodeURIComponent(year)}${community ? `&community=${community}` : ''}`;
  // Only a four-digit year is asked for (the field is typed into).
  const { data } = useData<DashboardData>(/^\d{4}$/.test(year) ? `/${PLUGIN_ID}/dashboard?${query}` : null);
  if (!data) return null;
  const under = new Set(data.underRequirement.members.map((m) => m.documentId));
  return (
    <Box paddingTop={4}>
      <Flex justifyContent="space-between" paddingBottom={4}>
        <Typography variant="delta" tag="h2">
          {t('dashboard.communities')}
        </Typography>
        <ExportButtons
          url={`/${PLUGIN_ID}/dashboard?${query}`}
          filename={`double-report-${year}`}
          labels={{ xlsx: t('dashboard.xlsx'), csv: t('dashboard.csv') }}
        />
      </Flex>
      <Table colCount={5} rowCount={data.communities.length}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('filter.community')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('dashboard.members')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('dashboard.hours')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('dashboard.perMember')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('dashboard.needs')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {data.communities.map((c) => (
            <Tr key={c.documentId}>
              <Td>
                <Typography>{c.name}</Typography>
              </Td>
              <Td>
                <Typography>{c.members}</Typography>
              </Td>
              <Td>
                <Typography>{c.verifiedHours}</Typography>
              </Td>
              <Td>
                <Typography>{c.hoursPerMember}</Typography>
              </Td>
              <Td>
                <Typography>
                  {c.needsClaimed} / {c.needsDone} ({c.needs})
                </Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Box paddingTop={6} paddingBottom={2}>
        <Typography variant="delta" tag="h2">
          {t('dashboard.membersTitle')} · {t('dashboard.required')} {data.underRequirement.requiredHours}
        </Typography>
      </Box>
      <Table colCount={5} rowCount={data.members.length}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('queue.member')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('dashboard.unit')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('dashboard.hours')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('dashboard.points')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('dashboard.requirement')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {data.members.map((m) => (
            <Tr key={m.documentId}>
              <Td>
                <Typography>{m.name}</Typography>
              </Td>
              <Td>
                <Typography>{m.unit}</Typography>
              </Td>
              <Td>
                <Typography>{m.verifiedHours}</Typography>
              </Td>
              <Td>
                <Typography>{m.points}</Typography>
              </Td>
              <Td>
                {under.has(m.documentId) ? (
                  <Badge backgroundColor="danger100" textColor="danger700">
                    {t('dashboard.under')}
                  </Badge>
                ) : (
                  <Badge backgroundColor="success100" textColor="success700">
                    {t('dashboard.met')}
                  </Badge>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};
