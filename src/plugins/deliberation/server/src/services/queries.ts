import type { Core } from '@strapi/strapi';
import { isOverdue } from './rules';

const ITEM = 'plugin::deliberation.action-item';
const today = () => new Date().toISOString().slice(0, 10);

/** Read models: each one SQL statement, explicit field lists (no phones, no drafts). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const link = (uid: string, attr: string) => {
    const jt = (strapi.db.metadata.get(uid as any).attributes as any)[attr].joinTable;
    return { table: jt.name as string, own: jt.joinColumn.name as string, other: jt.inverseJoinColumn.name as string };
  };

  /** Action items joined to their meeting; `publicOnly` keeps items of published minutes only. */
  function itemsBase(filters: { status?: string; owner?: string }, publicOnly: boolean) {
    const l = link(ITEM, 'meeting');
    const q = knex()('deliberation_action_items as i')
      .join(`${l.table} as l`, `l.${l.own}`, 'i.id')
      .join('deliberation_meetings as m', 'm.id', `l.${l.other}`);
    if (publicOnly) q.where('m.status', 'published');
    if (filters.status) q.where('i.status', filters.status);
    if (filters.owner) q.where('i.owner_name', filters.owner);
    return q;
  }

  const overdueSql = `CASE WHEN i.status IN ('open','in_progress') AND i.due_date < ? THEN 1 ELSE 0 END`;
  const PENDING = ['open', 'in_progress'];
  const dateOnly = (v: unknown) => String(v instanceof Date ? v.toISOString() : v).slice(0, 10);

  /**
   * Overdue first, then by due date. The two halves are read separately so each one walks the
   * (status, due_date) index instead of sorting every item on a computed key.
   */
  async function items(filters: { status?: string; owner?: string; page: number; pageSize: number }, publicOnly: boolean) {
    const d = today();
    const overdue = (q: any) => q.whereIn('i.status', PENDING).where('i.due_date', '<', d);
    const rest = (q: any) => q.where((w: any) => w.whereNotIn('i.status', PENDING).orWhere('i.due_date', '>=', d));
    const columns = [
      'i.document_id as documentId', 'i.title', 'i.owner_kind as ownerKind', 'i.owner_name as ownerName', 'i.due_date as dueDate',
      'i.status', 'i.result_note as resultNote', 'i.decision_key as decisionKey', 'm.document_id as meetingDocumentId', 'm.title as meetingTitle',
    ];
    // Both counts in one pass over the filtered items.
    const counts: any = await itemsBase(filters, publicOnly)
      .select(knex().raw('COUNT(*) as n'), knex().raw(`SUM(${overdueSql}) as late`, [d]))
      .first();
    const total = { n: counts?.n };
    const lateCount = Number(counts?.late ?? 0);
    const offset = (filters.page - 1) * filters.pageSize;
    let rows: any[] = [];
    if (offset < lateCount) {
      rows = await overdue(itemsBase(filters, publicOnly)).select(columns).orderBy([{ column: 'i.due_date' }, { column: 'i.id' }]).limit(filters.pageSize).offset(offset);
    }
    if (rows.length < filters.pageSize) {
      rows = rows.concat(
        await rest(itemsBase(filters, publicOnly)).select(columns).orderBy([{ column: 'i.due_date' }, { column: 'i.id' }]).limit(filters.pageSize - rows.length).offset(Math.max(0, offset - lateCount)),
      );
    }
    return {
      data: rows.map((r: any) => ({ ...r, dueDate: dateOnly(r.dueDate), overdue: isOverdue({ status: r.status, dueDate: dateOnly(r.dueDate) }, d) })),
      meta: { pagination: { page: filters.page, pageSize: filters.pageSize, total: Number(total?.n ?? 0), overdue: lateCount } },
    };
  }

  const meetingFields = ['documentId', 'title', 'startAt', 'endAt', 'place', 'convener', 'recorder', 'status', 'revision', 'publishedOn'] as const;

  function publicMeeting(m: any, full: boolean) {
    const out: any = Object.fromEntries(meetingFields.map((f) => [f, m[f] ?? null]));
    out.council = m.council ? { documentId: m.council.documentId, name: m.council.name, kind: m.council.kind } : null;
    out.decisions = (m.decisions ?? []).map((d: any) => ({ key: d.key, text: d.text, topicDocumentId: d.topicDocumentId ?? null, votes: d.votes, passed: d.passed }));
    if (full) {
      out.minutes = m.minutes ?? '';
      out.agenda = m.agenda ?? [];
      out.attendance = { present: (m.attendance ?? []).filter((a: any) => a.status === 'present').length, members: (m.council?.members ?? []).length };
      out.noticeDocumentId = m.noticeDocumentId ?? null;
    }
    return out;
  }

  return {
    publicActionItems: (f: any) => items(f, true),
    board: (f: any) => items(f, false),

    /** Board summary per owner: open, overdue, done, verified. */
    async owners() {
      const d = today();
      const rows = await knex()('deliberation_action_items as i')
        .select('i.owner_name as ownerName')
        .select(knex().raw(`SUM(CASE WHEN i.status IN ('open','in_progress') THEN 1 ELSE 0 END) as pending`))
        .select(knex().raw(`SUM(${overdueSql}) as overdue`, [d]))
        .select(knex().raw(`SUM(CASE WHEN i.status = 'verified' THEN 1 ELSE 0 END) as verified`))
        .select(knex().raw('COUNT(*) as total'))
        .groupBy('i.owner_name')
        .orderByRaw('overdue DESC, pending DESC, i.owner_name ASC')
        .limit(200);
      return rows.map((r: any) => ({ ownerName: r.ownerName, pending: Number(r.pending), overdue: Number(r.overdue), verified: Number(r.verified), total: Number(r.total) }));
    },

    async publicMeetings({ page, pageSize }: { page: number; pageSize: number }) {
      const docs = strapi.documents('plugin::deliberation.meeting') as any;
      const filters = { status: 'published' };
      const [rows, total] = await Promise.all([
        docs.findMany({ filters, sort: [{ startAt: 'desc' }, { id: 'desc' }], limit: pageSize, start: (page - 1) * pageSize, populate: { council: { fields: ['name', 'kind'] } } }),
        docs.count({ filters }),
      ]);
      return { data: rows.map((m: any) => publicMeeting(m, false)), meta: { pagination: { page, pageSize, total } } };
    },

    async publicMeeting(documentId: string) {
      const m = await (strapi.documents('plugin::deliberation.meeting') as any).findOne({ documentId, populate: { council: true } });
      if (!m || m.status !== 'published') return null;
      const [revisions, actions] = await Promise.all([
        (strapi.documents('plugin::deliberation.revision') as any).findMany({ filters: { meeting: { documentId } }, sort: { number: 'asc' }, fields: ['number', 'reason', 'createdAt', 'minutes'] }),
        items({ page: 1, pageSize: 100 }, true).then((r) => r.data.filter((a: any) => a.meetingDocumentId === documentId)),
      ]);
      return {
        ...publicMeeting(m, true),
        revisions: revisions.map((r: any) => ({ number: r.number, reason: r.reason, createdAt: r.createdAt, minutes: r.minutes })),
        actionItems: actions,
      };
    },

    /** Admin view of one meeting: everything except member phones. */
    async adminMeeting(documentId: string) {
      const m = await (strapi.documents('plugin::deliberation.meeting') as any).findOne({ documentId, populate: { council: true } });
      if (!m) return null;
      const q = strapi.plugin('deliberation').service('workflow').quorumOf(m.council ?? {}, m.attendance ?? []);
      const council = m.council ? { ...m.council, members: (m.council.members ?? []).map(({ phone: _p, ...rest }: any) => rest) } : null;
      const actions = await (strapi.documents(ITEM) as any).findMany({ filters: { meeting: { documentId } }, fields: ['title', 'ownerKind', 'ownerName', 'dueDate', 'status', 'decisionKey', 'resultNote'] });
      const trail = await strapi.plugin('deliberation').service('transition').trail('meeting', [documentId]);
      return { ...m, council, quorum: q, actionItems: actions.map((a: any) => ({ ...a, overdue: isOverdue(a) })), trail };
    },

    async publicTopics({ page, pageSize, documentId }: { page: number; pageSize: number; documentId?: string }) {
      const docs = strapi.documents('plugin::deliberation.topic') as any;
      const filters: any = documentId ? { documentId } : {};
      const [rows, total] = await Promise.all([
        docs.findMany({ filters, sort: [{ updatedAt: 'desc' }, { id: 'desc' }], limit: pageSize, start: (page - 1) * pageSize, fields: ['title', 'raisedBy', 'sourceText', 'status', 'closedAt', 'needRef'], populate: { grid: { fields: ['code', 'name'] } } }),
        docs.count({ filters }),
      ]);
      const trail = await strapi.plugin('deliberation').service('transition').trail('topic', rows.map((t: any) => t.documentId));
      const evals = rows.length
        ? await knex()('deliberation_evaluations as e')
            .join(`${link('plugin::deliberation.evaluation', 'topic').table} as l`, `l.${link('plugin::deliberation.evaluation', 'topic').own}`, 'e.id')
            .join('deliberation_topics as t', 't.id', `l.${link('plugin::deliberation.evaluation', 'topic').other}`)
            .whereIn('t.document_id', rows.map((t: any) => t.documentId))
            .select('t.document_id as topicDocumentId', 'e.verdict')
            .count({ n: '*' })
            .groupBy('t.document_id', 'e.verdict')
        : [];
      const data = rows.map((t: any) => ({
        documentId: t.documentId, title: t.title, raisedBy: t.raisedBy, sourceText: t.sourceText, status: t.status, closedAt: t.closedAt, needRef: t.needRef ?? null,
        grid: t.grid ? { code: t.grid.code, name: t.grid.name } : null,
        trail: trail.filter((s: any) => s.subjectId === t.documentId).map(({ subjectId: _s, ...s }: any) => s),
        evaluations: Object.fromEntries(evals.filter((e: any) => e.topicDocumentId === t.documentId).map((e: any) => [e.verdict, Number(e.n)])),
      }));
      return { data, meta: { pagination: { page, pageSize, total } } };
    },

    /** Meetings per month of a year by council kind; months without a held joint meeting are flagged. */
    async calendar(year: number) {
      const rows = await (strapi.documents('plugin::deliberation.meeting') as any).findMany({
        filters: { startAt: { $gte: `${year}-01-01T00:00:00.000Z`, $lt: `${year + 1}-01-01T00:00:00.000Z` } },
        fields: ['title', 'startAt', 'status'],
        populate: { council: { fields: ['name', 'kind'] } },
        sort: { startAt: 'asc' },
        limit: 5000,
      });
      const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, meetings: [] as any[], jointMeetingHeld: false, missingJointMeeting: false }));
      for (const m of rows) {
        const slot = months[new Date(m.startAt).getUTCMonth()];
        slot.meetings.push({ documentId: m.documentId, title: m.title, startAt: m.startAt, status: m.status, council: m.council?.name ?? null, kind: m.council?.kind ?? null });
        if (m.council?.kind === 'joint_meeting' && m.status !== 'scheduled') slot.jointMeetingHeld = true;
      }
      const now = new Date();
      for (const s of months) {
        const past = year < now.getUTCFullYear() || (year === now.getUTCFullYear() && s.month - 1 < now.getUTCMonth());
        s.missingJointMeeting = past && !s.jointMeetingHeld;
      }
      return { year, months };
    },
  };
};
