import { useState, type ChangeEvent } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { ModalError, useData, useErrorMessage } from '@grassroots/kit/admin';
import { holidayTable, isWorkingDay, shanghaiDate } from '../../../shared';
import { useCan } from '../hooks/useCan';
import { useLabels } from '../hooks/useLabels';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import type { Holiday } from '../types';

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
};

/**
 * 工作日历: a month with its working and rest days, as the deadlines count them (shared/calendar.ts:
 * weekends rest unless the table says 调休上班, a holiday rests). Staff pick a day to add it to the
 * table (holiday or make-up working day, with its name) or to remove it.
 */
export const MonthCalendar = () => {
  const t = useT();
  const l = useLabels();
  const can = useCan();
  const errorMessage = useErrorMessage();
  const { post, del } = useFetchClient();
  const [month, setMonth] = useState(shanghaiDate(new Date()).slice(0, 7));
  const [picked, setPicked] = useState<string | null>(null);
  const [kind, setKind] = useState<'holiday' | 'workday'>('holiday');
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [y, m] = month.split('-').map(Number);
  const last = daysIn(y, m);
  const { data, reload } = useData<Holiday[]>(
    `/${PLUGIN_ID}/catalogue/holidays?from=${month}-01&to=${month}-${pad(last)}`,
  );
  const rows = data ?? [];
  const table = holidayTable(rows);
  const byDate = new Map(rows.map((h) => [h.date, h]));
  // Monday first, as Chinese calendars print it
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const days = Array.from({ length: last }, (_, i) => `${month}-${pad(i + 1)}`);
  const chosen = picked && picked.startsWith(month) ? picked : null;
  const entry = chosen ? byDate.get(chosen) : undefined;
  const act = async (write: () => Promise<unknown>) => {
    try {
      await write();
      setMessage(null);
      setName('');
      await reload();
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  return (
    <Box>
      <Flex gap={3} paddingBottom={3} alignItems="center">
        <Typography variant="delta" tag="h2">
          {t('calendar.title')}
        </Typography>
        <Button size="S" variant="tertiary" onClick={() => setMonth(shift(month, -1))}>
          {t('calendar.previous')}
        </Button>
        <Typography fontWeight="bold" data-testid="calendar-month">
          {month}
        </Typography>
        <Button size="S" variant="tertiary" onClick={() => setMonth(shift(month, 1))}>
          {t('calendar.next')}
        </Button>
      </Flex>
      <Grid.Root gap={1} gridCols={7}>
        {[1, 2, 3, 4, 5, 6, 7].map((d) => (
          <Grid.Item key={`h${d}`} col={1}>
            <Typography variant="sigma" textColor="neutral600">
              {t(`calendar.weekday.${d}`)}
            </Typography>
          </Grid.Item>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <Grid.Item key={`e${i}`} col={1} />
        ))}
        {days.map((date) => {
          const working = isWorkingDay(date, table);
          const h = byDate.get(date);
          return (
            <Grid.Item key={date} col={1}>
              <Box
                tag="button"
                type="button"
                width="100%"
                padding={2}
                hasRadius
                borderColor={chosen === date ? 'primary600' : 'neutral200'}
                borderStyle="solid"
                borderWidth="1px"
                background={working ? 'neutral0' : 'danger100'}
                onClick={() => setPicked(date)}
                data-testid={`day-${date}`}
                data-rest={working ? 'false' : 'true'}
                style={{ cursor: 'pointer', minHeight: 64, textAlign: 'left' }}
              >
                <Flex direction="column" alignItems="flex-start">
                  <Typography fontWeight="bold">{Number(date.slice(8))}</Typography>
                  <Typography variant="pi" textColor={working ? 'neutral600' : 'danger700'}>
                    {t(working ? 'calendar.work' : 'calendar.rest')}
                    {h?.name ? ` · ${h.name}` : ''}
                  </Typography>
                </Flex>
              </Box>
            </Grid.Item>
          );
        })}
      </Grid.Root>
      <Box paddingTop={4}>
        {!chosen ? (
          <Typography textColor="neutral600">{t(can.catalogue ? 'calendar.pick' : 'calendar.pickReadOnly')}</Typography>
        ) : entry ? (
          <Flex gap={3} alignItems="center">
            <Typography>
              {chosen} · {l.dayKind(entry.kind)}
              {entry.name ? ` · ${entry.name}` : ''}
            </Typography>
            {can.catalogue && (
              <Button
                variant="danger-light"
                onClick={() => act(() => del(`/${PLUGIN_ID}/catalogue/holidays/${chosen}`))}
              >
                {t('calendar.remove')}
              </Button>
            )}
          </Flex>
        ) : can.catalogue ? (
          <Flex gap={3} alignItems="flex-end" wrap="wrap" data-testid="holiday-form">
            <Typography>{chosen}</Typography>
            <Field.Root name="kind">
              <Field.Label>{l.holidayField('kind')}</Field.Label>
              <SingleSelect
                aria-label={l.holidayField('kind')}
                value={kind}
                onChange={(v: string | number) => setKind(String(v) as 'holiday' | 'workday')}
              >
                {(['holiday', 'workday'] as const).map((k) => (
                  <SingleSelectOption key={k} value={k}>
                    {l.dayKind(k)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            <Field.Root name="name">
              <Field.Label>{l.holidayField('name')}</Field.Label>
              <TextInput value={name} onChange={(e: ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
            </Field.Root>
            <Button
              onClick={() =>
                act(() =>
                  post(`/${PLUGIN_ID}/catalogue/holidays`, {
                    date: chosen,
                    kind,
                    ...(name.trim() ? { name: name.trim() } : {}),
                  }),
                )
              }
            >
              {t('calendar.add')}
            </Button>
          </Flex>
        ) : (
          <Typography>{chosen}</Typography>
        )}
        <ModalError error={message} paddingTop={2} />
      </Box>
    </Box>
  );
};
