import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { joinOf, knexOf, scopeWhere, tableOf, whereInScope, type RouteScope } from '@grassroots/kit/server';
import { PENDING_ITEMS, isOverdue, todayUtc } from '../../../shared';
import { getService } from '../get-service';
import { repo } from '../documents';
import { UID } from '../uids';
import type { ActionItem, Meeting, Page, Revision, Topic } from '../types';

export interface ItemFilters {
  status?: string;
  owner?: string;
  page: number;
  pageSize: number;
}

/** A row of the action-item lists (board and public). */
export interface ItemRow {
  documentId: string;
  title: string;
  ownerKind: string;
  ownerName: string;
  dueDate: string;
  status: string;
  resultNote: string | null;
  decisionKey: string;
  meetingDocumentId: string;
  meetingTitle: string;
  overdue: boolean;
}

/** One owner's items, each counted once: pending (open or in progress, not late) + overdue + done + verified = total. */
export interface OwnerSummary {
  ownerName: string;
  pending: number;
  overdue: number;
  done: number;
  verified: number;
  total: number;
}

const dateOnly = (v: unknown) => String(v instanceof Date ? v.toISOString() : v).slice(0, 10);
const MEETING_FIELDS = [
  'documentId',
  'title',
  'startAt',
  'endAt',
  'place',
  'convener',
  'recorder',
  'status',
  'revision',
  'publishedOn',
] as const;

/** Read models: each one SQL statement, explicit field lists (no phones, no drafts). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => knexOf(strapi);
  const overdueSql = `CASE WHEN i.status IN ('open','in_progress') AND i.due_date < ? THEN 1 ELSE 0 END`;

  /**
   * Action items joined to their meeting; `publicOnly` keeps items of published minutes only,
   * `scope` a staff caller's organisation.
   */
  function itemsBase(
    filters: { status?: string; owner?: string },
    publicOnly: boolean,
    scope: RouteScope,
  ): Knex.QueryBuilder {
    const l = joinOf(strapi, UID.item, 'meeting');
    const q = knex()(`${tableOf(strapi, UID.item)} as i`)
      .join(`${l.table} as l`, `l.${l.own}`, 'i.id')
      .join(`${tableOf(strapi, UID.meeting)} as m`, 'm.id', `l.${l.other}`);
    if (publicOnly) q.where('m.status', 'published');
    if (filters.status) q.where('i.status', filters.status);
    if (filters.owner) q.where('i.owner_name', filters.owner);
    return whereInScope(q, strapi, scope, 'i', UID.item);
  }

  /**
   * Overdue first, then by due date. The two halves are read separately so each one walks the
   * (status, due_date) index instead of sorting every item on a computed key.
   */
  async function items(
    filters: ItemFilters,
    publicOnly: boolean,
    scope: RouteScope = { all: true },
  ): Promise<Page<ItemRow>> {
    const d = todayUtc();
    const overdue = (q: Knex.QueryBuilder) => q.whereIn('i.status', PENDING_ITEMS).where('i.due_date', '<', d);
    const rest = (q: Knex.QueryBuilder) =>
      q.where((w) => w.whereNotIn('i.status', PENDING_ITEMS).orWhere('i.due_date', '>=', d));
    const columns = [
      'i.document_id as documentId',
      'i.title',
      'i.owner_kind as ownerKind',
      'i.owner_name as ownerName',
      'i.due_date as dueDate',
      'i.status',
      'i.result_note as resultNote',
      'i.decision_key as decisionKey',
      'm.document_id as meetingDocumentId',
      'm.title as meetingTitle',
    ];
    const order = [{ column: 'i.due_date' }, { column: 'i.id' }];
    // Both counts in one pass over the filtered items.
    const counts = (await itemsBase(filters, publicOnly, scope)
      .select(knex().raw('COUNT(*) as n'), knex().raw(`SUM(${overdueSql}) as late`, [d]))
      .first()) as { n: string | number; late: string | number | null } | undefined;
    const lateCount = Number(counts?.late ?? 0);
    const offset = (filters.page - 1) * filters.pageSize;
    let rows: Array<Omit<ItemRow, 'overdue'>> = [];
    if (offset < lateCount) {
      rows = await overdue(itemsBase(filters, publicOnly, scope))
        .select(columns)
        .orderBy(order)
        .limit(filters.pageSize)
        .offset(offset);
    }
    if (rows.length < filters.pageSize) {
      rows = rows.concat(
        await rest(itemsBase(filters, publicOnly, scope))
          .select(columns)
          .orderBy(order)
          .limit(filters.pageSize - rows.length)
          .offset(Math.max(0, offset - lateCount)),
      );
    }
    return {
      data: rows.map((r) => ({
        ...r,
        dueDate: dateOnly(r.dueDate),
        overdue: isOverdue({ status: r.status, dueDate: dateOnly(r.dueDate) }, d),
      })),
      meta: {
        pagination: {
          page: filters.page,
          pageSize: filters.pageSize,
          total: Number(counts?.n ?? 0),
          overdue: lateCount,
        },
      },
    };
  }

  function publicMeeting(m: Meeting, full: boolean) {
    const out: Record<string, unknown> = Object.fromEntries(MEETING_FIELDS.map((f) => [f, m[f] ?? null]));
    out.council = m.council ? { documentId: m.council.documentId, name: m.council.name, kind: m.council.kind } : null;
    out.decisions = (m.decisions ?? []).map((d) => ({
      key: d.key,
      text: d.text,
      topicDocumentId: d.topicDocumentId ?? null,
      votes: d.votes,
      passed: d.passed,
    }));
    if (full) {
      out.minutes = m.minutes ?? '';
      out.agenda = m.agenda ?? [];
      out.attendance = {
        present: (m.attendance ?? []).filter((a) => a.status === 'present').length,
        members: (m.council?.members ?? []).length,
      };
      out.noticeDocumentId = m.noticeDocumentId ?? null;
    }
    return out;
  }

  return {
    publicActionItems: (f: ItemFilters) => items(f, true),
    board: (f: ItemFilters, scope: RouteScope) => items(f, false, scope),

    /** Board summary per owner: the four columns partition the items, so they add up to the total. */
    async owners(scope: RouteScope): Promise<OwnerSummary[]> {
      const d = todayUtc();
      const rows: Array<Record<keyof OwnerSummary, string | number>> = await whereInScope(
        knex()(`${tableOf(strapi, UID.item)} as i`),
        strapi,
        scope,
        'i',
        UID.item,
      )
        .select('i.owner_name as ownerName')
        .select(
          knex().raw(
            `SUM(CASE WHEN i.status IN ('open','in_progress') THEN 1 ELSE 0 END) - SUM(${overdueSql}) as pending`,
            [d],
          ),
        )
        .select(knex().raw(`SUM(${overdueSql}) as overdue`, [d]))
        .select(knex().raw(`SUM(CASE WHEN i.status = 'done' THEN 1 ELSE 0 END) as done`))
        .select(knex().raw(`SUM(CASE WHEN i.status = 'verified' THEN 1 ELSE 0 END) as verified`))
        .select(knex().raw('COUNT(*) as total'))
        .groupBy('i.owner_name')
        .orderByRaw('overdue DESC, pending DESC, i.owner_name ASC')
        .limit(200);
      return rows.map((r) => ({
        ownerName: String(r.ownerName),
        pending: Number(r.pending),
        overdue: Number(r.overdue),
        done: Number(r.done),
        verified: Number(r.verified),
        total: Number(r.total),
      }));
    },

    async publicMeetings({ page, pageSize }: { page: number; pageSize: number }) {
      const docs = repo<Meeting>(strapi, UID.meeting);
      const filters = { status: 'published' };
      const [rows, total] = await Promise.all([
        docs.findMany({
          filters,
          sort: [{ startAt: 'desc' }, { id: 'desc' }],
          limit: pageSize,
          start: (page - 1) * pageSize,
          populate: { council: { fields: ['name', 'kind'] } },
        }),
        docs.count({ filters }),
      ]);
      return { data: rows.map((m) => publicMeeting(m, false)), meta: { pagination: { page, pageSize, total } } };
    },

    async publicMeeting(documentId: string) {
      const m = await repo<Meeting>(strapi, UID.meeting).findOne({ documentId, populate: { council: true } });
      if (!m || m.status !== 'published') return null;
      const [revisions, actions] = await Promise.all([
        repo<Revision>(strapi, UID.revision).findMany({
          filters: { meeting: { documentId } },
          sort: { number: 'asc' },
          fields: ['number', 'reason', 'createdAt', 'minutes'],
        }),
        items({ page: 1, pageSize: 100 }, true).then((r) => r.data.filter((a) => a.meetingDocumentId === documentId)),
      ]);
      return {
        ...publicMeeting(m, true),
        revisions: revisions.map((r) => ({
          number: r.number,
          reason: r.reason,
          createdAt: r.createdAt,
          minutes: r.minutes,
        })),
        actionItems: actions,
      };
    },

    /** Admin view of one meeting: everything except member phones. */
    async adminMeeting(documentId: string) {
      const m = await repo<Meeting>(strapi, UID.meeting).findOne({ documentId, populate: { council: true } });
      if (!m) return null;
      const quorum = getService(strapi, 'workflow').quorumOf(m.council, m.attendance ?? []);
      const council = m.council
        ? { ...m.council, members: (m.council.members ?? []).map(({ phone: _p, ...rest }) => rest) }
        : null;
      const actions = await repo<ActionItem>(strapi, UID.item).findMany({
        filters: { meeting: { documentId } },
        fields: ['title', 'ownerKind', 'ownerName', 'dueDate', 'status', 'decisionKey', 'resultNote'],
      });
      const trail = await getService(strapi, 'transition').trail('meeting', [documentId]);
      return { ...m, council, quorum, actionItems: actions.map((a) => ({ ...a, overdue: isOverdue(a) })), trail };
    },

    /** Public, and staff within their organisation (`scope`). */
    async publicTopics(
      { page, pageSize, documentId }: { page: number; pageSize: number; documentId?: string },
      scope: RouteScope = { all: true },
    ) {
      const docs = repo<Topic>(strapi, UID.topic);
      const filters = { ...(documentId ? { documentId } : {}), ...scopeWhere(scope) };
      const [rows, total] = await Promise.all([
        docs.findMany({
          filters,
          sort: [{ updatedAt: 'desc' }, { id: 'desc' }],
          limit: pageSize,
          start: (page - 1) * pageSize,
          fields: ['title', 'raisedBy', 'sourceText', 'status', 'closedAt', 'needRef'],
          populate: { grid: { fields: ['code', 'name'] } },
        }),
        docs.count({ filters }),
      ]);
      const ids = rows.map((t) => t.documentId);
      const trail = await getService(strapi, 'transition').trail('topic', ids);
      const l = joinOf(strapi, UID.evaluation, 'topic');
      const evals: Array<{ topicDocumentId: string; verdict: string; n: string | number }> = ids.length
        ? await knex()(`${tableOf(strapi, UID.evaluation)} as e`)
            .join(`${l.table} as l`, `l.${l.own}`, 'e.id')
            .join(`${tableOf(strapi, UID.topic)} as t`, 't.id', `l.${l.other}`)
            .whereIn('t.document_id', ids)
            .select('t.document_id as topicDocumentId', 'e.verdict')
            .count({ n: '*' })
            .groupBy('t.document_id', 'e.verdict')
        : [];
      const data = rows.map((t) => ({
        documentId: t.documentId,
        title: t.title,
        raisedBy: t.raisedBy,
        sourceText: t.sourceText,
        status: t.status,
        closedAt: t.closedAt,
        needRef: t.needRef ?? null,
        grid: t.grid ? { code: t.grid.code, name: t.grid.name } : null,
        trail: trail.filter((s) => s.subjectId === t.documentId).map(({ subjectId: _s, ...s }) => s),
        evaluations: Object.fromEntries(
          evals.filter((e) => e.topicDocumentId === t.documentId).map((e) => [e.verdict, Number(e.n)]),
        ),
      }));
      return { data, meta: { pagination: { page, pageSize, total } } };
    },

    /** Meetings per month of a year by council kind; past months without a held joint meeting are flagged. */
    async calendar(year: number, scope: RouteScope) {
      const rows = await repo<Meeting>(strapi, UID.meeting).findMany({
        filters: {
          ...scopeWhere(scope),
          startAt: { $gte: `${year}-01-01T00:00:00.000Z`, $lt: `${year + 1}-01-01T00:00:00.000Z` },
        },
        fields: ['title', 'startAt', 'status'],
        populate: { council: { fields: ['name', 'kind'] } },
        sort: { startAt: 'asc' },
        limit: 5000,
      });
      type Slot = {
        documentId: string;
        title: string;
        startAt: string;
        status: string;
        council: string | null;
        kind: string | null;
      };
      const months = Array.from({ length: 12 }, (_, i) => ({
        month: i + 1,
        meetings: [] as Slot[],
        jointMeetingHeld: false,
        missingJointMeeting: false,
      }));
      for (const m of rows) {
        const slot = months[new Date(m.startAt).getUTCMonth()];
        slot.meetings.push({
          documentId: m.documentId,
          title: m.title,
          startAt: m.startAt,
          status: m.status,
          council: m.council?.name ?? null,
          kind: m.council?.kind ?? null,
        });
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
