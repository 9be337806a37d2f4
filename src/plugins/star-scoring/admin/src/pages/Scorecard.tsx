import { useState } from 'react';
import { Badge, Box, Button, Flex, Main, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PLUGIN_ID, useT } from '../pluginId';
import { useCan } from '../hooks/useCan';
import { Nav } from '../components/Nav';
import { YearSelect } from '../components/YearSelect';
import { StatusBadge } from '../components/StatusBadge';
import { Files, type FileRef } from '../components/Files';
import { Message } from '../components/Message';
import { RectifyForm } from '../components/RectifyForm';
import { History } from '../components/History';
import { useErrorMessage, PagePlaceholder, useData, WrappingTable } from '@grassroots/kit/admin';
import { currentYear } from '../utils/totals';

const H = ({ children }: { children: React.ReactNode }) => (
  <Th>
    <Typography variant="sigma">{children}</Typography>
  </Th>
);
const n = (v: number | null | undefined) => (v == null ? '—' : String(v));

type History = { from: string | null; to: string; actor: string; reason?: string | null; at: string };
type Card = {
  branch: { documentId: string; name: string; code: string };
  level: number;
  stars: Array<{
    key: string;
    name: string;
    passThreshold: number;
    assessment: {
      documentId: string;
      status: string;
      selfScore?: number;
      reviewedScore: number | null;
      vetoFailed: boolean;
      reason?: string | null;
      files?: FileRef[];
      history?: History[];
    } | null;
    criteria: Array<{
      code: string;
      title: string;
      maxPoints: number;
      veto: boolean;
      score: number | null;
      selfScore?: number | null;
      internal?: boolean;
      evidence: string | null;
      files: FileRef[];
    }>;
  }>;
  rectifications: Array<{
    documentId: string;
    star: string;
    criterion: string;
    title: string;
    dueDate: string;
    status: string;
    owner?: string;
  }>;
};

/** A branch's year: five stars with status, points per criterion, evidence, history and 整改 tasks. */
export const Scorecard = () => {
  const errorMessage = useErrorMessage();
  const t = useT();
  const go = useNavigate();
  const { post } = useFetchClient();
  const { documentId } = useParams();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || currentYear() - 1;
  const { data, error, reload } = useData<Card>(`/${PLUGIN_ID}/branches/${documentId}/scorecard?year=${year}`);
  const [message, setMessage] = useState<{ text: string; ok?: boolean } | null>(null);
  const fail = (text: string) => setMessage({ text });
  const can = useCan();

  const create = async (star: string) => {
    try {
      const r = (await post(`/${PLUGIN_ID}/assessments`, { branch: documentId, year, star })) as {
        data: { data: { documentId: string } };
      };
      go(`/plugins/${PLUGIN_ID}/assessments/${r.data.data.documentId}`);
    } catch (e) {
      fail(errorMessage(e));
    }
  };
  const close = async (task: string) => {
    try {
      await post(`/${PLUGIN_ID}/rectifications/${task}/done`, {});
      void reload();
    } catch (e) {
      fail(errorMessage(e));
    }
  };

  if (!data) return <PagePlaceholder error={error} />;
  const tasks = data.rectifications ?? [];
  return (
    <Main>
      <Box padding={8}>
        <Nav title={`${data.branch.name}（${data.branch.code}）`} subtitle={t('scorecard.title', { year })} />
        <Flex gap={4} alignItems="flex-end" paddingBottom={4}>
          <YearSelect value={year} onChange={(y) => setParams({ year: String(y) })} />
          <Badge data-testid="level">{t('scorecard.level', { n: data.level })}</Badge>
        </Flex>
        <Message text={message?.text ?? null} ok={message?.ok} onClose={() => setMessage(null)} />

        {data.stars.map((s) => {
          const a = s.assessment;
          return (
            <Box key={s.key} paddingBottom={6} data-testid={`star-${s.key}`} data-status={a?.status ?? 'none'}>
              <Flex gap={3} paddingBottom={2} alignItems="center" wrap="wrap">
                <Typography variant="delta" tag="h2">
                  {s.name}
                </Typography>
                <StatusBadge status={a?.status ?? null} />
                {a ? (
                  <Typography>
                    {t('scorecard.points', {
                      self: a.selfScore,
                      reviewed: n(a.reviewedScore),
                      threshold: s.passThreshold,
                    })}
                  </Typography>
                ) : null}
                {a?.vetoFailed ? (
                  <Badge backgroundColor="danger100" textColor="danger700">
                    {t('totals.vetoFailed')}
                  </Badge>
                ) : null}
                {a?.reason ? (
                  <Typography textColor="neutral600">{t('scorecard.reason', { reason: a.reason })}</Typography>
                ) : null}
                {a ? (
                  <Button
                    size="S"
                    variant="secondary"
                    onClick={() => go(`/plugins/${PLUGIN_ID}/assessments/${a.documentId}`)}
                  >
                    {t('scorecard.open')}
                  </Button>
                ) : can.assess ? (
                  <Button size="S" onClick={() => create(s.key)} data-testid={`new-${s.key}`}>
                    {t('scorecard.new')}
                  </Button>
                ) : null}
              </Flex>
              {a ? (
                <WrappingTable>
                  <Table colCount={8} rowCount={s.criteria.length + 1}>
                    <Thead>
                      <Tr>
                        <H>{t('form.code')}</H>
                        <H>{t('form.criterion')}</H>
                        <H>{t('form.max')}</H>
                        <H>{t('form.self')}</H>
                        <H>{t('form.reviewed')}</H>
                        <H>{t('form.evidence')}</H>
                        <H>{t('rect.title')}</H>
                      </Tr>
                    </Thead>
                    <Tbody>
                      {s.criteria.map((c) => {
                        const scored = c.score ?? c.selfScore;
                        const task = tasks.find((x) => x.star === s.key && x.criterion === c.code);
                        return (
                          <Tr key={c.code} data-code={c.code}>
                            <Td>
                              <Typography>{c.code}</Typography>
                            </Td>
                            <Td>
                              <Flex gap={1}>
                                {c.veto ? (
                                  <Badge backgroundColor="danger100" textColor="danger700">
                                    {t('form.veto')}
                                  </Badge>
                                ) : null}
                                <Typography>{c.title}</Typography>
                              </Flex>
                            </Td>
                            <Td>
                              <Typography>{c.maxPoints}</Typography>
                            </Td>
                            <Td>
                              <Typography>{n(c.selfScore)}</Typography>
                            </Td>
                            <Td>
                              <Typography>{n(c.score)}</Typography>
                            </Td>
                            <Td>
                              <Typography>
                                {c.evidence ?? ''}
                                {c.internal ? `（${t('evidence.internal')}）` : ''}
                              </Typography>
                              <Files files={c.files} />
                            </Td>
                            <Td>
                              {task ? (
                                <Badge>{t(`rect.status.${task.status}`)}</Badge>
                              ) : can.assess && scored != null && scored < c.maxPoints ? (
                                <RectifyForm
                                  assessment={a.documentId}
                                  criterion={c.code}
                                  onDone={reload}
                                  onError={fail}
                                />
                              ) : null}
                            </Td>
                          </Tr>
                        );
                      })}
                    </Tbody>
                  </Table>
                </WrappingTable>
              ) : null}
              <Files files={a?.files} />
              {a?.history?.length ? <History rows={a.history} /> : null}
            </Box>
          );
        })}

        <Box paddingBottom={6} data-testid="rectifications">
          <Typography variant="delta" tag="h2">
            {t('rect.heading')}
          </Typography>
          <Table colCount={6} rowCount={tasks.length + 1}>
            <Thead>
              <Tr>
                <H>{t('dashboard.star')}</H>
                <H>{t('rect.task')}</H>
                <H>{t('rect.owner')}</H>
                <H>{t('rect.due')}</H>
                <H>{t('rect.state')}</H>
                <H> </H>
              </Tr>
            </Thead>
            <Tbody>
              {tasks.map((x) => (
                <Tr key={x.documentId} data-criterion={x.criterion} data-status={x.status}>
                  <Td>
                    <Typography>{t(`star.${x.star}`)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{x.title}</Typography>
                  </Td>
                  <Td>
                    <Typography>{x.owner ?? ''}</Typography>
                  </Td>
                  <Td>
                    <Typography>{x.dueDate}</Typography>
                  </Td>
                  <Td>
                    <Badge>{t(`rect.status.${x.status}`)}</Badge>
                  </Td>
                  <Td>
                    {x.status === 'open' && can.assess ? (
                      <Button size="S" variant="secondary" onClick={() => close(x.documentId)}>
                        {t('rect.close')}
                      </Button>
                    ) : null}
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
