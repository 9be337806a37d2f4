import { useEffect, useState } from 'react';
import { Badge, Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

const t = (id: string) => `${PLUGIN_ID}.${id}`;

/** Hours by community and by member, the under-requirement list, CSV export. */
export const Dashboard = ({ community, year }: { community: string; year: string }) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [data, setData] = useState<any>(null);
  const query = `year=${encodeURIComponent(year)}${community ? `&community=${community}` : ''}`;
  useEffect(() => {
    if (!/^\d{4}$/.test(year)) return;
    get(`/${PLUGIN_ID}/dashboard?${query}`).then(({ data: d }: any) => setData(d.data));
  }, [query]);
  const exportCsv = async () => {
    const res: any = await get(`/${PLUGIN_ID}/dashboard?${query}&format=csv`, { responseType: 'text' } as any);
    const blob = new Blob([res.data as any], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `double-report-${year}.csv`;
    a.click();
  };
  if (!data) return null;
  const under = new Set(data.underRequirement.members.map((m: any) => m.documentId));
  return (
    <Box paddingTop={4}>
      <Flex justifyContent="space-between" paddingBottom={4}>
        <Typography variant="delta" tag="h2">{formatMessage({ id: t('dashboard.communities'), defaultMessage: 'Communities' })}</Typography>
        <Button onClick={exportCsv}>{formatMessage({ id: t('dashboard.csv'), defaultMessage: 'Export CSV' })}</Button>
      </Flex>
      <Table colCount={5} rowCount={data.communities.length}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{formatMessage({ id: t('filter.community'), defaultMessage: 'Community' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: t('dashboard.members'), defaultMessage: 'Members' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: t('dashboard.hours'), defaultMessage: 'Verified hours' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: t('dashboard.perMember'), defaultMessage: 'Hours per member' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: t('dashboard.needs'), defaultMessage: 'Needs claimed / done' })}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {data.communities.map((c: any) => (
            <Tr key={c.documentId}>
              <Td><Typography>{c.name}</Typography></Td>
              <Td><Typography>{c.members}</Typography></Td>
              <Td><Typography>{c.verifiedHours}</Typography></Td>
              <Td><Typography>{c.hoursPerMember}</Typography></Td>
              <Td><Typography>{c.needsClaimed} / {c.needsDone} ({c.needs})</Typography></Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Box paddingTop={6} paddingBottom={2}>
        <Typography variant="delta" tag="h2">
          {formatMessage({ id: t('dashboard.membersTitle'), defaultMessage: 'Members' })} · {formatMessage({ id: t('dashboard.required'), defaultMessage: 'Required hours' })} {data.underRequirement.requiredHours}
        </Typography>
      </Box>
      <Table colCount={5} rowCount={data.members.length}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{formatMessage({ id: t('queue.member'), defaultMessage: 'Member' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: t('dashboard.unit'), defaultMessage: 'Unit' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: t('dashboard.hours'), defaultMessage: 'Verified hours' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: t('dashboard.points'), defaultMessage: 'Points' })}</Typography></Th>
            <Th><Typography variant="sigma">{formatMessage({ id: t('dashboard.requirement'), defaultMessage: 'Requirement' })}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {data.members.map((m: any) => (
            <Tr key={m.documentId}>
              <Td><Typography>{m.name}</Typography></Td>
              <Td><Typography>{m.unit}</Typography></Td>
              <Td><Typography>{m.verifiedHours}</Typography></Td>
              <Td><Typography>{m.points}</Typography></Td>
              <Td>
                {under.has(m.documentId)
                  ? <Badge backgroundColor="danger100" textColor="danger700">{formatMessage({ id: t('dashboard.under'), defaultMessage: 'Under requirement' })}</Badge>
                  : <Badge backgroundColor="success100" textColor="success700">{formatMessage({ id: t('dashboard.met'), defaultMessage: 'Met' })}</Badge>}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};
