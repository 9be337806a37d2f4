import { useState } from 'react';
import {
  Main,
  Box,
  Flex,
  Grid,
  Typography,
  Badge,
  Button,
  SingleSelect,
  SingleSelectOption,
  Field,
} from '@strapi/design-system';
import { useNavigate } from 'react-router-dom';
import { useT } from '../hooks/useT';
import { useData } from '@grassroots/kit/admin';
import { Nav } from './Nav';
import { NewMeeting } from '../components/NewMeeting';

type Month = {
  month: number;
  jointMeetingHeld: boolean;
  missingJointMeeting: boolean;
  meetings: Array<{
    documentId: string;
    title: string;
    startAt: string;
    status: string;
    council: string;
    kind: string;
  }>;
};

/** Council calendar: meetings per month; months without a held joint meeting are flagged. */
export const HomePage = () => {
  const t = useT();
  const go = useNavigate();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const { data, error } = useData<{ months: Month[] }>(`/deliberation/calendar?year=${year}`);
  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('calendar.title')} />
        <NewMeeting />
        <Flex gap={4} paddingBottom={4} alignItems="flex-end">
          <Box width="200px">
            <Field.Root>
              <Field.Label>{t('calendar.year')}</Field.Label>
              <SingleSelect
                aria-label={t('calendar.year')}
                value={String(year)}
                onChange={(v: string | number) => setYear(Number(v))}
              >
                {[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => (
                  <SingleSelectOption key={y} value={String(y)}>
                    {y}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
        </Flex>
        {error && <Typography textColor="danger600">{error}</Typography>}
        <Grid.Root gap={4}>
          {(data?.months ?? []).map((m) => (
            <Grid.Item key={m.month} col={3} s={6} xs={12} direction="column" alignItems="stretch">
              <Box padding={4} background="neutral0" hasRadius shadow="tableShadow" data-testid={`month-${m.month}`}>
                <Flex justifyContent="space-between" paddingBottom={2}>
                  <Typography variant="delta">{t('calendar.month', { month: m.month })}</Typography>
                  {m.missingJointMeeting ? (
                    <Badge backgroundColor="danger100" textColor="danger700">
                      {t('calendar.missing')}
                    </Badge>
                  ) : m.jointMeetingHeld ? (
                    <Badge backgroundColor="success100" textColor="success700">
                      {t('calendar.held')}
                    </Badge>
                  ) : null}
                </Flex>
                {m.meetings.length === 0 && (
                  <Typography variant="pi" textColor="neutral500">
                    {t('calendar.none')}
                  </Typography>
                )}
                {m.meetings.map((x) => (
                  <Flex key={x.documentId} direction="column" alignItems="flex-start" paddingTop={1}>
                    <Button
                      variant="ghost"
                      size="S"
                      onClick={() => go(`/plugins/deliberation/meetings/${x.documentId}`)}
                    >
                      {x.title}
                    </Button>
                    <Typography variant="pi" textColor="neutral600">
                      {x.startAt.slice(0, 10)} · {t(`meeting.status.${x.status}`)}
                    </Typography>
                  </Flex>
                ))}
              </Box>
            </Grid.Item>
          ))}
        </Grid.Root>
      </Box>
    </Main>
  );
};
