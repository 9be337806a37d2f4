import { useEffect, useMemo, useState } from 'react';
import { Box, Button, Flex, Main, Table, Tbody, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useNavigate, useParams } from 'react-router-dom';
import { PLUGIN_ID, useT } from '../pluginId';
import { useCan } from '../hooks/useCan';
import { Nav } from '../components/Nav';
import { StatusBadge } from '../components/StatusBadge';
import { Message } from '../components/Message';
import { History } from '../components/History';
import { Totals } from '../components/Totals';
import { FlowActions, type FlowButton } from '../components/FlowActions';
import { CriterionRow, type Draft } from '../components/CriterionRow';
import type { Suggestion } from '../components/Suggestion';
import type { FileRef } from '../components/Files';
import { useErrorMessage, PagePlaceholder, useData, WrappingTable } from '@grassroots/kit/admin';
import { FILES_OPEN, type Status } from '../../../shared/flow';
import { runningTotals, type Criterion } from '../utils/totals';

type Item = {
  code: string;
  self?: number | null;
  review?: number | null;
  evidence?: string;
  internal?: boolean;
  files?: FileRef[];
};
type Loaded = {
  documentId: string;
  year: number;
  star: string;
  status: string;
  items: Item[];
  files?: Record<string, FileRef[]>;
  reviewedScore: number | null;
  reason: string | null;
  branch: { documentId: string; name: string } | null;
  sheet: { name: string; passThreshold: number; criteria: Criterion[] } | null;
  history: Array<{ from: string | null; to: string; actor: string; reason?: string | null; at: string }>;
};

const H = ({ children }: { children: React.ReactNode }) => (
  <Th>
    <Typography variant="sigma">{children}</Typography>
  </Th>
);

/**
 * The assessment form: walks the star's sheet criterion by criterion with live totals. In draft the branch
 * enters self scores and evidence (Save, Submit); once submitted the inspection team enters its scores
 * (Review), then publicize / approve / reject / revoke follow the status.
 */
export const AssessmentPage = () => {
  const errorMessage = useErrorMessage();
  const t = useT();
  const go = useNavigate();
  const { documentId } = useParams();
  const { put, post } = useFetchClient();
  const base = `/${PLUGIN_ID}/assessments/${documentId}`;
  const { data: a, error, reload } = useData<Loaded>(base);
  const { data: suggestions } = useData<Suggestion[]>(`${base}/suggestions`);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok?: boolean } | null>(null);
  const can = useCan();

  const criteria: Criterion[] = a?.sheet?.criteria ?? [];
  const items = useMemo(() => new Map<string, Item>((a?.items ?? []).map((x) => [x.code, x])), [a]);
  // Only the column this admin may write is editable: self scores need `assess`, the team's need `review`.
  const mode: 'self' | 'review' | null =
    a?.status === 'draft' && can.assess ? 'self' : a?.status === 'self_assessed' && can.review ? 'review' : null;

  // Seed the editable column from what is stored: self scores in draft, self scores as the starting point of a review.
  useEffect(() => {
    if (!a) return;
    setDrafts(
      Object.fromEntries(
        criteria.map((c) => {
          const it: Partial<Item> = items.get(c.code) ?? {};
          const score = mode === 'review' ? (it.review ?? it.self) : mode === 'self' ? it.self : (it.review ?? it.self);
          return [c.code, { score: score ?? undefined, evidence: it.evidence ?? '', internal: !!it.internal }];
        }),
      ),
    );
    // Keyed on status, not on every reload: uploading a file must not wipe scores typed but not saved yet.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- criteria and items change on every reload, on purpose not a trigger
  }, [a?.documentId, a?.status, mode]);

  if (!a) return <PagePlaceholder error={error} />;
  const scores = Object.fromEntries(Object.entries(drafts).map(([k, d]) => [k, d.score]));
  const totals = runningTotals(criteria, scores, a.sheet?.passThreshold ?? 0);
  const payload = () =>
    criteria
      .filter((c) => drafts[c.code]?.score != null)
      .map((c) => ({
        code: c.code,
        score: drafts[c.code].score as number,
        evidence: drafts[c.code].evidence,
        internal: drafts[c.code].internal,
      }));

  const act = async (action: FlowButton, extra: { reason?: string; endsOn?: string }) => {
    setBusy(true);
    try {
      if (action === 'save' || action === 'submit') await put(`${base}/items`, { items: payload() });
      if (action === 'submit') await post(`${base}/submit`, {});
      if (action === 'review') await post(`${base}/review`, { items: payload() });
      if (action === 'publicize') await post(`${base}/publicize`, { endsOn: extra.endsOn });
      if (action === 'reject' || action === 'revoke') await post(`${base}/${action}`, { reason: extra.reason });
      if (action === 'approve' || action === 'reopen') await post(`${base}/${action}`, {});
      setMessage({ text: t(`flow.done.${action}`), ok: true });
      await reload();
    } catch (e) {
      setMessage({ text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const branch = a.branch;
  const files = (code: string) => items.get(code)?.files ?? a.files?.[code];
  return (
    <Main>
      <Box padding={8}>
        <Nav
          title={`${a.branch?.name ?? ''} · ${a.sheet?.name ?? t(`star.${a.star}`)}`}
          subtitle={t('form.title', { year: a.year })}
        />
        <Flex gap={3} paddingBottom={4} alignItems="center" wrap="wrap">
          <span data-testid="status">
            <StatusBadge status={a.status} />
          </span>
          {a.reviewedScore != null ? <Typography>{t('form.reviewedScore', { n: a.reviewedScore })}</Typography> : null}
          {a.reason ? (
            <Typography textColor="neutral600">{t('scorecard.reason', { reason: a.reason })}</Typography>
          ) : null}
          {branch ? (
            <Button
              variant="tertiary"
              onClick={() => go(`/plugins/${PLUGIN_ID}/branches/${branch.documentId}?year=${a.year}`)}
            >
              {t('form.toScorecard')}
            </Button>
          ) : null}
        </Flex>
        <Message text={message?.text ?? null} ok={message?.ok} onClose={() => setMessage(null)} />
        <Box paddingBottom={4}>
          <Totals totals={totals} />
        </Box>
        <WrappingTable>
          <Table colCount={7} rowCount={criteria.length + 1}>
            <Thead>
              <Tr>
                <H>{t('form.code')}</H>
                <H>{t('form.criterion')}</H>
                <H>{t('form.max')}</H>
                <H>{t('form.self')}</H>
                <H>{mode === 'self' ? t('form.selfEdit') : t('form.reviewed')}</H>
                <H>{t('form.evidence')}</H>
                <H>{t('form.suggestion')}</H>
              </Tr>
            </Thead>
            <Tbody>
              {criteria.map((c) => {
                const it: Partial<Item> = items.get(c.code) ?? {};
                return (
                  <CriterionRow
                    key={c.code}
                    assessment={a.documentId}
                    c={c}
                    self={it.self ?? null}
                    reviewed={it.review ?? null}
                    draft={drafts[c.code] ?? { evidence: '', internal: false }}
                    editable={mode !== null}
                    editEvidence={mode === 'self'}
                    editFiles={can.assess && FILES_OPEN.includes(a.status as Status)}
                    onFilesChanged={reload}
                    onError={(text) => setMessage({ text })}
                    suggestion={(suggestions ?? []).find((s) => s.code === c.code)}
                    files={files(c.code)}
                    onChange={(d) => setDrafts({ ...drafts, [c.code]: d })}
                  />
                );
              })}
            </Tbody>
          </Table>
        </WrappingTable>
        <Box paddingTop={4} paddingBottom={4}>
          <FlowActions status={a.status} busy={busy} onAction={act} />
        </Box>
        {a.history?.length ? <History rows={a.history} /> : null}
      </Box>
    </Main>
  );
};
