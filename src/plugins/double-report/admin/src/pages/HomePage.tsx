import { useEffect, useState } from 'react';
import { Box, Flex, Main, SingleSelect, SingleSelectOption, Tabs, TextInput, Typography, Field } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import { Board } from './Board';
import { Activities } from './Activities';
import { Queue } from './Queue';
import { Dashboard } from './Dashboard';

export const t = (id: string) => `${PLUGIN_ID}.${id}`;

export const HomePage = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [communities, setCommunities] = useState<{ documentId: string; name: string }[]>([]);
  const [community, setCommunity] = useState<string>('');
  const [year, setYear] = useState<string>(String(new Date().getFullYear()));

  useEffect(() => {
    get(`/${PLUGIN_ID}/communities`).then(({ data }: any) => {
      setCommunities(data.data);
      if (data.data[0]) setCommunity(data.data[0].documentId);
    });
  }, []);

  return (
    <Main>
      <Box padding={8}>
        <Typography variant="alpha" tag="h1">{formatMessage({ id: t('plugin.name'), defaultMessage: 'Double report-in' })}</Typography>
        <Flex gap={4} paddingTop={4} paddingBottom={4} alignItems="flex-end">
          <Field.Root name="community">
            <Field.Label>{formatMessage({ id: t('filter.community'), defaultMessage: 'Community' })}</Field.Label>
            <SingleSelect value={community} onChange={(v: string | number) => setCommunity(String(v))} aria-label="community">
              {communities.map((c) => (
                <SingleSelectOption key={c.documentId} value={c.documentId}>{c.name}</SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="year">
            <Field.Label>{formatMessage({ id: t('filter.year'), defaultMessage: 'Year' })}</Field.Label>
            <TextInput value={year} onChange={(e: any) => setYear(e.target.value)} />
          </Field.Root>
        </Flex>
        <Tabs.Root defaultValue="board">
          <Tabs.List aria-label="double-report">
            <Tabs.Trigger value="board">{formatMessage({ id: t('tab.board'), defaultMessage: 'Three lists' })}</Tabs.Trigger>
            <Tabs.Trigger value="activities">{formatMessage({ id: t('tab.activities'), defaultMessage: 'Activities & QR' })}</Tabs.Trigger>
            <Tabs.Trigger value="queue">{formatMessage({ id: t('tab.queue'), defaultMessage: 'Verification' })}</Tabs.Trigger>
            <Tabs.Trigger value="dashboard">{formatMessage({ id: t('tab.dashboard'), defaultMessage: 'Yearly dashboard' })}</Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="board">{community && <Board community={community} />}</Tabs.Content>
          <Tabs.Content value="activities">{community && <Activities community={community} />}</Tabs.Content>
          <Tabs.Content value="queue"><Queue community={community} /></Tabs.Content>
          <Tabs.Content value="dashboard"><Dashboard community={community} year={year} /></Tabs.Content>
        </Tabs.Root>
      </Box>
    </Main>
  );
};
