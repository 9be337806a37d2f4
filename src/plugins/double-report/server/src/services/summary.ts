import type { Core } from '@strapi/strapi';
import { joinOf, knexOf, tableOf, whereInScope, type RouteScope } from '@grassroots/kit/server';
import { UID } from '../uids';
import { DEFAULT_RULES } from './rules';
import type { UnitRef } from './actors';
import { getService } from '../get-service';

/** A row of memberRows' statement (aggregates come back as text or numbers depending on the driver). */
interface MemberFigures {
  document_id: string;
  name: string;
  unit_name: string | null;
  sessions: unknown;
  verified_minutes: unknown;
  pending_minutes: unknown;
  avg_rating: unknown;
  points: unknown;
}

interface CommunityFigures {
  document_id: string;
  name: string;
  code: string;
  members: unknown;
  sessions: unknown;
  verified_minutes: unknown;
  needs: unknown;
  needs_claimed: unknown;
  needs_done: unknown;
}

const num = (v: unknown) => (v == null ? 0 : Number(v));
const hours = (minutes: unknown) => Math.round((num(minutes) / 60) * 100) / 100;

/** Yearly figures. Each figure set is one SQL statement (valid on SQLite and PostgreSQL). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);
  const T = () => ({
    ci: tableOf(strapi, UID.checkIn),
    pts: tableOf(strapi, UID.points),
    mem: tableOf(strapi, UID.member),
    memUnit: joinOf(strapi, UID.member, 'unit'),
    memCommunity: joinOf(strapi, UID.member, 'community'),
    unit: tableOf(strapi, UID.unit),
    item: tableOf(strapi, UID.listItem),
    itemUnit: joinOf(strapi, UID.listItem, 'claimedBy'),
    itemCommunity: joinOf(strapi, UID.listItem, 'community'),
    reg: tableOf(strapi, UID.registration),
    regMember: joinOf(strapi, UID.registration, 'member'),
    act: tableOf(strapi, UID.activity),
    actCommunity: joinOf(strapi, UID.activity, 'community'),
  });

  /** Per-member rows for a set of members (selected by a join on unit or community link). */
  /** `scope`: a staff caller's organisation (members are placed by their home community). */
  async function memberRows(year: number, scope: { unitId?: number; communityId?: number; scope?: RouteScope }) {
    const t = T();
    const k = knex();
    const ci = k(t.ci)
      .select('member_ref')
      .count({ sessions: '*' })
      .sum({ verified_minutes: k.raw("CASE WHEN status = 'verified' THEN minutes ELSE 0 END") })
      .sum({ pending_minutes: k.raw("CASE WHEN status = 'pending' THEN minutes ELSE 0 END") })
      .avg({ avg_rating: 'rating' })
      .where('year', year)
      .groupBy('member_ref')
      .as('c');
    const pts = k(t.pts)
      .select('member_ref')
      .sum({ points: 'points' })
      .where('year', year)
      .groupBy('member_ref')
      .as('p');
    const q = k(`${t.mem} as m`)
      .leftJoin(`${t.memUnit.table} as mu`, `mu.${t.memUnit.own}`, 'm.id')
      .leftJoin(`${t.unit} as u`, 'u.id', `mu.${t.memUnit.other}`)
      .leftJoin(`${t.memCommunity.table} as mc`, `mc.${t.memCommunity.own}`, 'm.id')
      .leftJoin(ci, 'c.member_ref', 'm.id')
      .leftJoin(pts, 'p.member_ref', 'm.id')
      .select(
        'm.id',
        'm.document_id',
        'm.name',
        'u.name as unit_name',
        'u.document_id as unit_document_id',
        'c.sessions',
        'c.verified_minutes',
        'c.pending_minutes',
        'c.avg_rating',
        'p.points',
      )
      .orderBy('m.name');
    if (scope.unitId) q.where(`mu.${t.memUnit.other}`, scope.unitId);
    if (scope.communityId) q.where(`mc.${t.memCommunity.other}`, scope.communityId);
    if (scope.scope) whereInScope(q, strapi, scope.scope, 'm', UID.member);
    const rows = await q;
    return (rows as MemberFigures[]).map((r) => ({
      documentId: r.document_id,
      name: r.name,
      unit: r.unit_name ?? null,
      sessions: num(r.sessions),
      verifiedHours: hours(r.verified_minutes),
      pendingHours: hours(r.pending_minutes),
      averageRating: r.avg_rating == null ? null : Math.round(Number(r.avg_rating) * 100) / 100,
      points: Math.round(num(r.points) * 100) / 100,
    }));
  }

  /**
   * The member's year in one statement: the aggregate over check-ins (served by the covering index
   * dr_check_ins_member_year_cover_idx), the ledger sum and the configured requirement as scalar
   * subqueries. Exposed so that the bench can EXPLAIN exactly what the route runs.
   */
  function memberQuery(memberId: number, year: number) {
    const t = T();
    const k = knex();
    return k(t.ci)
      .where({ member_ref: memberId, year })
      .select(
        k.raw('COUNT(*) as sessions'),
        k.raw("COALESCE(SUM(CASE WHEN status = 'verified' THEN minutes ELSE 0 END), 0) as verified_minutes"),
        k.raw("COALESCE(SUM(CASE WHEN status = 'pending' THEN minutes ELSE 0 END), 0) as pending_minutes"),
        k.raw('AVG(rating) as avg_rating'),
        k.raw(`(SELECT COALESCE(SUM(points), 0) FROM ${t.pts} WHERE member_ref = ? AND year = ?) as points`, [
          memberId,
          year,
        ]),
        // The rule set is a single type: its one row, if the admin has saved it yet.
        k.raw(
          `(SELECT annual_hours_required FROM ${tableOf(strapi, UID.rules)} ORDER BY id LIMIT 1) as required_hours`,
        ),
      )
      .first();
  }

  return {
    memberQuery,
    async member(memberId: number, year: number) {
      const row = ((await memberQuery(memberId, year)) ?? {}) as Record<string, unknown>;
      const requiredHours = row.required_hours == null ? DEFAULT_RULES.annualHoursRequired : Number(row.required_hours);
      const verifiedHours = hours(row.verified_minutes);
      return {
        year,
        sessions: num(row.sessions),
        verifiedHours,
        pendingHours: hours(row.pending_minutes),
        averageRating: row.avg_rating == null ? null : Math.round(Number(row.avg_rating) * 100) / 100,
        points: Math.round(num(row.points) * 100) / 100,
        requiredHours,
        meetsRequirement: verifiedHours >= requiredHours,
      };
    },

    async unit(unit: UnitRef, year: number) {
      const t = T();
      const k = knex();
      const members = await memberRows(year, { unitId: unit.id });
      // Items, item ratings and report-in (registrations not withdrawn) in one statement of scalar subqueries.
      const figures: Record<string, unknown> = await k
        .select(
          k.raw(
            `(SELECT COUNT(*) FROM ${t.item} i JOIN ${t.itemUnit.table} iu ON iu.${t.itemUnit.own} = i.id WHERE iu.${t.itemUnit.other} = ? AND i.claimed_year = ?) as claimed`,
            [unit.id, year],
          ),
          k.raw(
            `(SELECT COUNT(*) FROM ${t.item} i JOIN ${t.itemUnit.table} iu ON iu.${t.itemUnit.own} = i.id WHERE iu.${t.itemUnit.other} = ? AND i.status IN ('done', 'evaluated') AND i.done_year = ?) as done`,
            [unit.id, year],
          ),
          k.raw(
            `(SELECT COUNT(*) FROM ${t.item} i JOIN ${t.itemUnit.table} iu ON iu.${t.itemUnit.own} = i.id WHERE iu.${t.itemUnit.other} = ? AND i.status = 'evaluated' AND i.done_year = ?) as evaluated`,
            [unit.id, year],
          ),
          k.raw(
            `(SELECT AVG(i.rating) FROM ${t.item} i JOIN ${t.itemUnit.table} iu ON iu.${t.itemUnit.own} = i.id WHERE iu.${t.itemUnit.other} = ? AND i.status = 'evaluated' AND i.done_year = ?) as item_rating`,
            [unit.id, year],
          ),
          k.raw(
            `(SELECT COUNT(DISTINCT m.id) FROM ${t.mem} m JOIN ${t.memUnit.table} mu ON mu.${t.memUnit.own} = m.id JOIN ${t.regMember.table} rm ON rm.${t.regMember.other} = m.id JOIN ${t.reg} r ON r.id = rm.${t.regMember.own} WHERE mu.${t.memUnit.other} = ? AND r.status <> 'withdrawn') as reported`,
            [unit.id],
          ),
        )
        .first();
      const kinds: Array<{ kind: string }> = await k(`${t.ci} as c`)
        .join(`${t.mem} as m`, 'm.id', 'c.member_ref')
        .join(`${t.memUnit.table} as mu`, `mu.${t.memUnit.own}`, 'm.id')
        .join(`${t.act} as a`, 'a.id', 'c.activity_ref')
        .where(`mu.${t.memUnit.other}`, unit.id)
        .andWhere('c.year', year)
        .andWhere('c.status', 'verified')
        .distinct('a.kind');
      const five = ['policy_talk', 'sentiment_talk', 'dispute_screening', 'livelihood_project', 'home_visit'];
      const done = new Set(kinds.map((r) => r.kind));
      const sum = (f: (m: (typeof members)[number]) => number) =>
        Math.round(members.reduce((s, m) => s + f(m), 0) * 100) / 100;
      return {
        year,
        unit: { documentId: unit.documentId, name: unit.name },
        members: members.length,
        reportedMembers: num(figures.reported),
        reportInRate: members.length ? Math.round((num(figures.reported) / members.length) * 10000) / 10000 : 0,
        sessions: sum((m) => m.sessions),
        verifiedHours: sum((m) => m.verifiedHours),
        points: sum((m) => m.points),
        itemsClaimed: num(figures.claimed),
        itemsDone: num(figures.done),
        itemsEvaluated: num(figures.evaluated),
        averageItemRating: figures.item_rating == null ? null : Math.round(Number(figures.item_rating) * 100) / 100,
        fiveOnes: Object.fromEntries(five.map((kind) => [kind, done.has(kind)])),
        memberRows: members,
      };
    },

    /** Per community (of the staff caller's organisation): hours, sessions, members, report-in, items (one statement). */
    async communities(year: number, scope: RouteScope = { all: true }) {
      const t = T();
      const k = knex();
      const rows = (await whereInScope(k(`${t.mem} as m`), strapi, scope, 'b', UID.branch)
        .join(`${t.memCommunity.table} as mc`, `mc.${t.memCommunity.own}`, 'm.id')
        .join(`${tableOf(strapi, UID.branch)} as b`, 'b.id', `mc.${t.memCommunity.other}`)
        .leftJoin(
          k(t.ci)
            .select('member_ref')
            .count({ sessions: '*' })
            .sum({ vm: k.raw("CASE WHEN status = 'verified' THEN minutes ELSE 0 END") })
            .avg({ ar: 'rating' })
            .where('year', year)
            .groupBy('member_ref')
            .as('c'),
          'c.member_ref',
          'm.id',
        )
        .groupBy('b.id', 'b.document_id', 'b.name', 'b.code')
        .select('b.document_id', 'b.name', 'b.code')
        .count({ members: 'm.id' })
        .sum({ sessions: 'c.sessions', verified_minutes: 'c.vm' })
        .select(
          k.raw(
            `(SELECT COUNT(*) FROM ${t.item} i JOIN ${t.itemCommunity.table} ic ON ic.${t.itemCommunity.own} = i.id WHERE ic.${t.itemCommunity.other} = b.id AND i.type = 'need') as needs`,
          ),
        )
        .select(
          k.raw(
            `(SELECT COUNT(*) FROM ${t.item} i JOIN ${t.itemCommunity.table} ic ON ic.${t.itemCommunity.own} = i.id WHERE ic.${t.itemCommunity.other} = b.id AND i.type = 'need' AND i.status <> 'open') as needs_claimed`,
          ),
        )
        .select(
          k.raw(
            `(SELECT COUNT(*) FROM ${t.item} i JOIN ${t.itemCommunity.table} ic ON ic.${t.itemCommunity.own} = i.id WHERE ic.${t.itemCommunity.other} = b.id AND i.type = 'need' AND i.status IN ('done', 'evaluated')) as needs_done`,
          ),
        )
        .orderBy('b.code')) as unknown as CommunityFigures[];
      return rows.map((r) => ({
        documentId: r.document_id,
        name: r.name,
        code: r.code,
        members: num(r.members),
        sessions: num(r.sessions),
        verifiedHours: hours(r.verified_minutes),
        hoursPerMember: num(r.members) ? Math.round((num(r.verified_minutes) / 60 / num(r.members)) * 100) / 100 : 0,
        needs: num(r.needs),
        needsClaimed: num(r.needs_claimed),
        needsDone: num(r.needs_done),
      }));
    },

    memberRows,

    /** Members under the configured annual requirement, with their unit and community (one statement). */
    async underRequirement(year: number, filter: { unitId?: number; communityId?: number; scope?: RouteScope } = {}) {
      const rules = await getService(strapi, 'rules').get();
      const rows = await memberRows(year, filter);
      return {
        year,
        requiredHours: rules.annualHoursRequired,
        members: rows.filter((r) => r.verifiedHours < rules.annualHoursRequired),
      };
    },
  };
};
