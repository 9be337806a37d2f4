import { useState, type ChangeEvent } from 'react';
import {
  Box,
  Flex,
  Main,
  SingleSelect,
  SingleSelectOption,
  Tabs,
  TextInput,
  Typography,
  Field,
} from '@strapi/design-system';
import { useData } from '@grassroots/kit/admin';
import { useT } from '../useT';
import { PLUGIN_ID } from '../pluginId';
import type { Community } from '../types';
import { Board } from './Board';
import { Activities } from './Activities';
import { Queue } from './Queue';
import { Dashboard } from './Dashboard';

export const HomePage = () => {
  const t = useT();
  const { data: communities } = useData<Community[]>(`/${PLUGIN_ID}/communities`);
  const [chosen, setCommunity] = useState<string>('');
  // The first community until staff choose another.
  const community = chosen || communities?.[0]?.documentId || '';
  const [year, setYear] = useState<string>(String(new Date().getFullYear()));

  return (
    <Main>
      <Box padding={8}>
        <Typography variant="alpha" tag="h1">
          {t('plugin.name')}
        </Typography>
        <Flex gap={4} paddingTop={4} paddingBottom={4} alignItems="flex-end">
          <Field.Root name="community">
            <Field.Label>{t('filter.community')}</Field.Label>
            <SingleSelect
              value={community}
              onChange={(v: string | number) => setCommunity(String(v))}
              aria-label="community"
            >
              {(communities ?? []).map((c) => (
                <SingleSelectOption key={c.documentId} value={c.documentId}>
                  {c.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="year">
            <Field.Label>{t('filter.year')}</Field.Label>
            <TextInput value={year} onChange={(e: ChangeEvent<HTMLInputElement>) => setYear(e.target.value)} />
          </Field.Root>
        </Flex>
        <Tabs.Root defaultValue="board">
          <Tabs.List aria-label="double-report">
            <Tabs.Trigger value="board">{t('tab.board')}</Tabs.Trigger>
            <Tabs.Trigger value="activities">{t('tab.activities')}</Tabs.Trigger>
            <Tabs.Trigger value="queue">{t('tab.queue')}</Tabs.Trigger>
            <Tabs.Trigger value="dashboard">{t('tab.dashboard')}</Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="board">{community && <Board community={community} />}</Tabs.Content>
          <Tabs.Content value="activities">{community && <Activities community={community} />}</Tabs.Content>
          <Tabs.Content value="queue">
            <Queue community={community} />
          </Tabs.Content>
          <Tabs.Content value="dashboard">
            <Dashboard community={community} year={year} />
          </Tabs.Content>
        </Tabs.Root>
      </Box>
    </Main>
  );
};
