import { useEffect, useState } from 'react';
import {
  Main,
  Box,
  Flex,
  Typography,
  Badge,
  Button,
  Table,
  Thead,
  Tbody,
  Tr,
  Th,
  Td,
  SingleSelect,
  SingleSelectOption,
  Field,
  Textarea,
  NumberInput,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useNavigate, useParams } from 'react-router-dom';
import { useT } from '../hooks/useT';
import type { InputEvent } from '../types';
import { useData, useErrorMessage, PagePlaceholder } from '@grassroots/kit/admin';
import { movesOf, quorum, ASSIGNABLE_MINUTES, FROZEN_MINUTES, type Attendance, type Presence } from '../../../shared';
import { Nav } from './Nav';
import { AgendaAdd, type AgendaItem } from '../components/AgendaEditor';
import { DecisionAdd, type Decision } from '../components/DecisionAdd';
import type { MeetingView } from '../types';
import { ActionItemAdd } from '../components/ActionItemAdd';

/** Meeting workspace: agenda, attendance with live quorum, minutes, decisions with votes, action items. */
export const MeetingPage = () => {
  const errorMessage = useErrorMessage();
  const t = useT();
  const go = useNavigate();
  const { documentId } = useParams();
  const { put, post } = useFetchClient();
  const { data: m, error, reload } = useData<MeetingView>(`/deliberation/meetings/${documentId}`);
  const [agenda, setAgenda] = useState<AgendaItem[]>([]);
  const [attendance, setAttendance] = useState<Attendance[]>([]);
  const [minutes, setMinutes] = useState('');
  const [decisions, setDecisions] = useState<Decision[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!m) return;
    const byKey = new Map((m.attendance ?? []).map((a) => [a.memberKey, a] as const));
    setAttendance(
      (m.council?.members ?? []).map((mb): Attendance => byKey.get(mb.key) ?? { memberKey: mb.key, status: 'absent' }),
    );
    setAgenda(m.agenda ?? []);
    setMinutes(m.minutes ?? '');
    setDecisions(m.decisions ?? []);
  }, [m]);

  if (!m) return <PagePlaceholder error={error} />;
  const members = m.council?.members ?? [];
  const q = quorum(m.council?.rule, members.length, attendance);
  const editable = !(FROZEN_MINUTES as readonly string[]).includes(m.status);
  const fail = (e: unknown) => setMessage(errorMessage(e));
  const save = async () => {
    try {
      await put(`/deliberation/meetings/${documentId}`, {
        agenda,
        attendance,
        minutes,
        decisions: decisions.map(({ passed: _p, ...d }) => d),
      });
      setMessage(t('common.saved'));
      reload();
    } catch (e) {
      fail(e);
    }
  };
  const move = async (to: string) => {
    try {
      await post(`/deliberation/meetings/${documentId}/transition`, { to });
      setMessage(null);
      reload();
    } catch (e) {
      fail(e);
    }
  };
  const setVote = (i: number, k: 'for' | 'against' | 'abstain', v: number) =>
    setDecisions(
      decisions.map((d, j) =>
        j === i ? { ...d, votes: { for: 0, against: 0, abstain: 0, ...(d.votes ?? {}), [k]: v } } : d,
      ),
    );

  return (
    <Main>
      <Box padding={8}>
        <Nav title={m.title} />
        <Flex gap={3} paddingBottom={4} wrap="wrap">
          <Badge>{t(`meeting.status.${m.status}`)}</Badge>
          <Typography>
            {m.council?.name} · {String(m.startAt).slice(0, 16).replace('T', ' ')} · {m.place}
          </Typography>
          {(m.revision ?? 0) > 0 && (
            <Badge backgroundColor="warning100" textColor="warning700">
              {t('meeting.revision', { n: m.revision })}
            </Badge>
          )}
          {movesOf('meeting', m.status).map((to) => (
            <Button key={to} onClick={() => move(to)}>
              {t(`meeting.to.${to}`)}
            </Button>
          ))}
          <Button variant="secondary" onClick={() => go(`/plugins/deliberation/meetings/${documentId}/print`)}>
            {t('meeting.print')}
          </Button>
        </Flex>
        {message && (
          <Box paddingBottom={4}>
            <Typography textColor="danger600" data-testid="message">
              {message}
            </Typography>
          </Box>
        )}

        <Typography variant="delta" tag="h2">
          {t('meeting.agenda')}
        </Typography>
        <Table colCount={4} rowCount={agenda.length + 1}>
          <Thead>
            <Tr>
              <Th>#</Th>
              <Th>{t('meeting.item')}</Th>
              <Th>{t('meeting.presenter')}</Th>
              <Th>{t('meeting.planned')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {agenda.map((a) => (
              <Tr key={a.position}>
                <Td>
                  <Typography>{a.position}</Typography>
                </Td>
                <Td>
                  <Typography>{a.title}</Typography>
                </Td>
                <Td>
                  <Typography>{a.presenter}</Typography>
                </Td>
                <Td>
                  <Typography>{a.plannedMinutes}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {editable && <AgendaAdd agenda={agenda} onChange={setAgenda} />}

        <Flex paddingTop={6} gap={3}>
          <Typography variant="delta" tag="h2">
            {t('meeting.attendance')}
          </Typography>
          <Badge
            data-testid="quorum"
            backgroundColor={q.met ? 'success100' : 'danger100'}
            textColor={q.met ? 'success700' : 'danger700'}
          >
            {t(q.met ? 'meeting.quorumMet' : 'meeting.quorumNotMet', {
              present: q.present,
              needed: q.needed,
              members: members.length,
            })}
          </Badge>
        </Flex>
        <Table colCount={4} rowCount={members.length + 1}>
          <Thead>
            <Tr>
              <Th>{t('meeting.member')}</Th>
              <Th>{t('meeting.role')}</Th>
              <Th>{t('meeting.organisation')}</Th>
              <Th>{t('meeting.presence')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {members.map((mb, i) => (
              <Tr key={mb.key}>
                <Td>
                  <Typography>{mb.name}</Typography>
                </Td>
                <Td>
                  <Typography>{mb.role}</Typography>
                </Td>
                <Td>
                  <Typography>{mb.organisation}</Typography>
                </Td>
                <Td>
                  <SingleSelect
                    aria-label={mb.name}
                    disabled={!editable}
                    value={attendance[i]?.status ?? 'absent'}
                    onChange={(v: string | number) =>
                      setAttendance(attendance.map((a, j) => (j === i ? { ...a, status: String(v) as Presence } : a)))
                    }
                  >
                    {['present', 'absent', 'excused'].map((s) => (
                      <SingleSelectOption key={s} value={s}>
                        {t(`attendance.${s}`)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>

        <Box paddingTop={6}>
          <Field.Root name="minutes">
            <Field.Label>{t('meeting.minutes')}</Field.Label>
            <Textarea disabled={!editable} value={minutes} onChange={(e: InputEvent) => setMinutes(e.target.value)} />
          </Field.Root>
        </Box>

        <Box paddingTop={6}>
          <Typography variant="delta" tag="h2">
            {t('meeting.decisions')}
          </Typography>
          <Table colCount={6} rowCount={decisions.length + 1}>
            <Thead>
              <Tr>
                <Th>{t('meeting.key')}</Th>
                <Th>{t('meeting.decision')}</Th>
                <Th>{t('vote.for')}</Th>
                <Th>{t('vote.against')}</Th>
                <Th>{t('vote.abstain')}</Th>
                <Th>{t('vote.result')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {decisions.map((d, i) => (
                <Tr key={d.key}>
                  <Td>
                    <Typography>{d.key}</Typography>
                  </Td>
                  <Td>
                    <Typography>{d.text}</Typography>
                  </Td>
                  {(['for', 'against', 'abstain'] as const).map((k) => (
                    <Td key={k}>
                      <NumberInput
                        aria-label={`${d.key} ${k}`}
                        disabled={!editable}
                        value={d.votes?.[k] ?? 0}
                        onValueChange={(v: number | undefined) => setVote(i, k, v ?? 0)}
                      />
                    </Td>
                  ))}
                  <Td>
                    {d.passed == null ? (
                      <Typography>—</Typography>
                    ) : (
                      <Badge>{t(d.passed ? 'vote.passed' : 'vote.failed')}</Badge>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          {editable && <DecisionAdd decisions={decisions} onChange={setDecisions} />}
        </Box>
        {editable && (
          <Box paddingTop={4}>
            <Button onClick={save}>{t('common.save')}</Button>
          </Box>
        )}

        <Box paddingTop={6}>
          <Typography variant="delta" tag="h2">
            {t('meeting.actionItems')}
          </Typography>
          <Table colCount={4} rowCount={(m.actionItems ?? []).length + 1}>
            <Thead>
              <Tr>
                <Th>{t('item.title')}</Th>
                <Th>{t('board.owner')}</Th>
                <Th>{t('item.dueDate')}</Th>
                <Th>{t('board.status')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {(m.actionItems ?? []).map((a) => (
                <Tr key={a.documentId}>
                  <Td>
                    <Typography>{a.title}</Typography>
                  </Td>
                  <Td>
                    <Typography>{a.ownerName}</Typography>
                  </Td>
                  <Td>
                    <Typography>{a.dueDate}</Typography>
                  </Td>
                  <Td>
                    <Flex gap={1}>
                      <Badge>{t(`item.status.${a.status}`)}</Badge>
                      {a.overdue && (
                        <Badge backgroundColor="danger100" textColor="danger700">
                          {t('board.overdue')}
                        </Badge>
                      )}
                    </Flex>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          {(ASSIGNABLE_MINUTES as readonly string[]).includes(m.status) && (
            <ActionItemAdd meeting={m.documentId} decisions={m.decisions ?? []} onCreated={reload} />
          )}
        </Box>
      </Box>
    </Main>
  );
};
