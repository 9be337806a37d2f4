import { Box, Flex, Button } from '@strapi/design-system';
import { useParams } from 'react-router-dom';
import { useT } from '../hooks/useT';
import { PagePlaceholder, useData } from '@grassroots/kit/admin';
import type { MeetingView } from '../types';

// The ideographic space of Chinese forms (written as an escape: lint refuses the invisible character).
const IDEOGRAPHIC_SPACE = '\u3000';

// A4 portrait; the admin chrome (menu, nav) is hidden when printing so only the minutes remain.
const PRINT_CSS = `
@page { size: A4 portrait; margin: 20mm 18mm; }
@media print {
  body * { visibility: hidden; }
  #minutes-print, #minutes-print * { visibility: visible; }
  #minutes-print { position: absolute; left: 0; top: 0; width: 100%; }
  .no-print { display: none !important; }
}
#minutes-print { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; max-width: 174mm; margin: 0 auto; line-height: 1.8; }
#minutes-print h1 { text-align: center; font-size: 22pt; letter-spacing: 0.2em; margin: 0 0 8mm; }
#minutes-print h2 { font-size: 14pt; margin: 6mm 0 2mm; }
#minutes-print table { width: 100%; border-collapse: collapse; }
#minutes-print td, #minutes-print th { border: 1px solid #000; padding: 1.5mm 2mm; font-size: 11pt; }
/* Short headers (赞成, 反对 …) keep their width instead of wrapping one character per line. */
#minutes-print th { white-space: nowrap; }
#minutes-print td.count { white-space: nowrap; text-align: center; width: 1%; }
/* Minutes not yet approved: marked on screen and on every printed page. */
#minutes-print .draft-mark { border: 2px solid #c00; color: #c00; padding: 1mm 3mm; font-weight: bold; text-align: center; }
#minutes-print .draft-watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 96pt;
  color: rgba(200, 0, 0, 0.12); transform: rotate(-30deg); pointer-events: none; z-index: 0; }
`;

// Minutes become a record only once approved: anything before that prints as a draft.
const RECORD_STATUSES = ['minutes_approved', 'published'];

/** Printable minutes: title, time, place, attendees, agenda, discussion, decisions, action items, signatures. */
export const PrintPage = () => {
  const t = useT();
  const { documentId } = useParams();
  const { data: m, error } = useData<MeetingView>(`/deliberation/meetings/${documentId}`);
  if (!m) return <PagePlaceholder error={error} bare />;
  const members = new Map((m.council?.members ?? []).map((x) => [x.key, x.name] as const));
  const present = (m.attendance ?? [])
    .filter((a) => a.status === 'present')
    .map((a) => members.get(a.memberKey) ?? a.memberKey);
  const away = (m.attendance ?? [])
    .filter((a) => a.status !== 'present')
    .map((a) => `${members.get(a.memberKey) ?? a.memberKey}（${t(`attendance.${a.status}`)}）`);
  return (
    <Box padding={8} background="neutral0">
      <style>{PRINT_CSS}</style>
      <Flex className="no-print" gap={2} paddingBottom={4}>
        <Button onClick={() => window.print()}>{t('print.print')}</Button>
      </Flex>
      <div id="minutes-print">
        {!RECORD_STATUSES.includes(m.status) && (
          <>
            <div className="draft-watermark" aria-hidden="true">
              {t('print.draft')}
            </div>
            <p className="draft-mark" data-testid="draft-mark">
              {t('print.draftNote')}
            </p>
          </>
        )}
        <h1>
          {m.title}
          {!RECORD_STATUSES.includes(m.status) && `（${t('print.draft')}）`}
        </h1>
        <p>
          <strong>{t('print.time')}：</strong>
          {String(m.startAt).slice(0, 16).replace('T', ' ')}
          {m.endAt ? ` — ${String(m.endAt).slice(11, 16)}` : ''}
        </p>
        <p>
          <strong>{t('print.place')}：</strong>
          {m.place}
        </p>
        <p>
          <strong>{t('print.convener')}：</strong>
          {m.convener}
          {IDEOGRAPHIC_SPACE}
          <strong>{t('print.recorder')}：</strong>
          {m.recorder}
        </p>
        <p>
          <strong>{t('print.attendees')}：</strong>
          {present.join('、')}
        </p>
        {away.length > 0 && (
          <p>
            <strong>{t('print.absent')}：</strong>
            {away.join('、')}
          </p>
        )}
        {(m.revision ?? 0) > 0 && (
          <p>
            <strong>{t('meeting.revision', { n: m.revision })}</strong>
          </p>
        )}
        <h2>一、{t('meeting.agenda')}</h2>
        <ol>
          {(m.agenda ?? []).map((a) => (
            <li key={a.position}>
              {a.title}（{a.presenter}）
            </li>
          ))}
        </ol>
        <h2>二、{t('print.discussion')}</h2>
        {String(m.minutes ?? '')
          .split(/\n+/)
          .filter(Boolean)
          .map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        <h2>三、{t('meeting.decisions')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('meeting.key')}</th>
              <th>{t('meeting.decision')}</th>
              <th>{t('vote.for')}</th>
              <th>{t('vote.against')}</th>
              <th>{t('vote.abstain')}</th>
              <th>{t('vote.result')}</th>
            </tr>
          </thead>
          <tbody>
            {(m.decisions ?? []).map((d) => (
              <tr key={d.key}>
                <td>{d.key}</td>
                <td>{d.text}</td>
                <td className="count">{d.votes?.for ?? ''}</td>
                <td className="count">{d.votes?.against ?? ''}</td>
                <td className="count">{d.votes?.abstain ?? ''}</td>
                <td className="count">{d.passed == null ? '' : t(d.passed ? 'vote.passed' : 'vote.failed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>四、{t('meeting.actionItems')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('item.title')}</th>
              <th>{t('board.owner')}</th>
              <th>{t('item.dueDate')}</th>
              <th>{t('board.status')}</th>
            </tr>
          </thead>
          <tbody>
            {(m.actionItems ?? []).map((a) => (
              <tr key={a.documentId}>
                <td>{a.title}</td>
                <td>{a.ownerName}</td>
                <td>{a.dueDate}</td>
                <td>{t(`item.status.${a.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>五、{t('print.signatures')}</h2>
        <p>
          {t('print.convener')}（签字）：＿＿＿＿＿＿{IDEOGRAPHIC_SPACE.repeat(2)}
          {t('print.recorder')}（签字）：＿＿＿＿＿＿
        </p>
        <p>{t('print.attendeesSign')}：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿</p>
        <p style={{ textAlign: 'right' }}>
          {m.council?.name}
          {`\u3000\u3000年\u3000\u3000月\u3000\u3000日`}
        </p>
      </div>
    </Box>
  );
};
