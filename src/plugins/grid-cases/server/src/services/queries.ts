import type { Core } from '@strapi/strapi';
import {
  countWhen,
  epochMs,
  joinOf,
  knexOf,
  notFound,
  routeScope,
  scopeWhere,
  tableOf,
  whereInScope,
  type RouteScope,
} from '@grassroots/kit/server';
import {
  DUPLICATE_RADIUS_METRES,
  ON_THE_CLOCK,
  OPEN_STATUSES,
  actionAllowed,
  boxAround,
  distanceMetres,
  type CaseStatus,
} from '../../../shared';
import { caseClock } from '../sql';
import { UID } from '../uids';
import { caseRow, caseRows, caseView, eventView, eventsOf, publicView } from './rows';
import { gridAccountOf, ownerOf, ownerWhere } from './cases';
import { getService } from '../get-service';
import type { CaseRow } from '../types';

const point = (r: CaseRow) =>
  r.lat === null || r.lat === undefined || r.lng === null || r.lng === undefined
    ? null
    : { lat: Number(r.lat), lng: Number(r.lng) };

export type Duplicate = { documentId: string; title: string; status: string; metres: number };
/** Each new case shows at most this many, nearest first (a desk row, not a map). */
const DUPLICATES_SHOWN = 5;

/**
 * The open cases of the same category within 50 m of each given case, nearest first, in the given
 * scope: ONE query for all of them (the 受理台's list and the detail page's merge picker both use it).
 * Each case asks for a ±50 m box on the (lat, lng) index and its category; the exact distance then
 * sorts the few rows in the box.
 */
export const possibleDuplicates = async (
  strapi: Core.Strapi,
  scope: RouteScope,
  cases: CaseRow[],
): Promise<(r: CaseRow) => Duplicate[]> => {
  const located = cases.filter((r) => point(r) && r.category?.id);
  if (!located.length) return () => [];
  const knex = knexOf(strapi);
  const cat = joinOf(strapi, UID.case, 'category');
  const query = knex({ o: tableOf(strapi, UID.case) })
    .join({ ol: cat.table }, `ol.${cat.own}`, 'o.id')
    .whereIn('o.status', [...OPEN_STATUSES])
    .where((any) => {
      for (const r of located) {
        const box = boxAround(point(r)!, DUPLICATE_RADIUS_METRES);
        any.orWhere((one) =>
          one
            .where(`ol.${cat.other}`, r.category!.id)
            .whereBetween('o.lat', [box.minLat, box.maxLat])
            .whereBetween('o.lng', [box.minLng, box.maxLng]),
        );
      }
    })
    .select({
      id: 'o.id',
      documentId: 'o.document_id',
      title: 'o.title',
      status: 'o.status',
      lat: 'o.lat',
      lng: 'o.lng',
    })
    .select({ category: `ol.${cat.other}` });
  whereInScope(query, strapi, scope, 'o', UID.case);
  const near = (await query) as Array<{
    id: number;
    documentId: string;
    title: string;
    status: string;
    lat: number | string;
    lng: number | string;
    category: number;
  }>;
  return (r) => {
    const here = point(r);
    if (!here) return [];
    return near
      .filter((o) => o.id !== r.id && o.category === r.category?.id)
      .map((o) => ({ o, d: distanceMetres(here, { lat: Number(o.lat), lng: Number(o.lng) }) }))
      .filter(({ d }) => d <= DUPLICATE_RADIUS_METRES)
      .sort((a, b) => a.d - b.d)
      .slice(0, DUPLICATES_SHOWN)
      .map(({ o, d }) => ({ documentId: o.documentId, title: o.title, status: o.status, metres: Math.round(d) }));
  };
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The cases a grid account reported, newest first. */
  async mine(userId: number) {
    await gridAccountOf(strapi, userId);
    return (await caseRows(strapi, { reporter: { id: userId } }, { reportedAt: 'desc' }, 200)).map(caseView);
  },
  /** The cases of the grid account's grid, newest first. */
  async grid(userId: number) {
    const account = await gridAccountOf(strapi, userId);
    return (await caseRows(strapi, { grid: { id: account.grid.id } }, { reportedAt: 'desc' }, 200)).map(caseView);
  },
  /** The cases dispatched to the signed-in owner (a unit or an owner account), earliest deadline first. */
  async owner(userId: number) {
    const owner = await ownerOf(strapi, userId);
    return (await caseRows(strapi, ownerWhere(owner), { dueAt: 'asc' }, 200)).map(caseView);
  },

  /** Public status page list: merged cases hidden, nothing personal. */
  async publicList(q: { page?: number; pageSize?: number; status?: string; grid?: string }) {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const where: Record<string, unknown> = {
      status: q.status && q.status !== 'merged' ? q.status : { $ne: 'merged' },
      ...(q.grid ? { grid: { documentId: q.grid } } : {}),
    };
    const [rows, total] = await Promise.all([
      caseRows(strapi, where, [{ reportedAt: 'desc' }, { id: 'desc' }], pageSize, (page - 1) * pageSize),
      strapi.db.query(UID.case).count({ where }),
    ]);
    return { data: rows.map(publicView), meta: { pagination: { page, pageSize, total: Number(total) } } };
  },
  /** Public status page of one case with its history (no actors). */
  async publicCase(documentId: string) {
    const row = await caseRow(strapi, { documentId });
    if (!row) throw notFound('case', '事项');
    const [events, photos] = await Promise.all([eventsOf(strapi, row.id), getService(strapi, 'photos').of(row.id)]);
    // Photos stay off the public page: their files keep the camera's metadata (GPS, the place the public
    // view leaves out) and show homes and faces; the page says how many after-photos staff hold.
    return {
      ...publicView(row),
      photosAfter: photos.photosAfter.length,
      history: events.map((e) => eventView(e, false)),
    };
  },

  /** One case for staff (scope checked by the route's caller), with its full history. */
  async staffCase(documentId: string) {
    const scope = await routeScope(strapi);
    const row = await caseRow(strapi, { documentId, ...scopeWhere(scope) });
    if (!row) throw notFound('case', '事项');
    // a case that may still be merged offers the 受理台's duplicates as the merge picker
    const mergeable = actionAllowed('merge', row.status);
    const [events, photos, links, linked, duplicates] = await Promise.all([
      eventsOf(strapi, row.id),
      getService(strapi, 'photos').of(row.id),
      getService(strapi, 'links').of(row),
      // the other ends of 上报 and 合并, for the detail page's links
      caseRows(strapi, { $or: [{ parent: { id: row.id } }, { mergedInto: { id: row.id } }] }, { id: 'asc' }, 100),
      mergeable ? possibleDuplicates(strapi, scope, [row]) : null,
    ]);
    const ref = (r: CaseRow) => ({ documentId: r.documentId, title: r.title, status: r.status });
    return {
      ...caseView(row),
      escalations: linked.filter((r) => r.parent?.id === row.id).map(ref),
      mergedCases: linked.filter((r) => r.mergedInto?.id === row.id).map(ref),
      ...(duplicates ? { possibleDuplicates: duplicates(row) } : {}),
      photos: { before: photos.photosBefore, after: photos.photosAfter },
      links,
      history: events.map((e) => eventView(e, true)),
    };
  },

  /**
   * 受理台: new cases in the caller's organisation, newest first (the desk shows the latest 200 when a
   * backlog builds up), each with open cases of its category within 50 m.
   */
  async intake() {
    const scope = await routeScope(strapi);
    const fresh = await caseRows(
      strapi,
      { ...scopeWhere(scope), status: 'reported' },
      [{ reportedAt: 'desc' }, { id: 'desc' }],
      200,
    );
    const duplicates = await possibleDuplicates(strapi, scope, fresh);
    return fresh.map((r) => ({ ...caseView(r), possibleDuplicates: duplicates(r) }));
  },

  /**
   * 督办台: running cases by deadline (overdue first) and the accepted ones waiting for 派单 (the first
   * 1,000 of each), the handled cases waiting for 核查 and the rated ones waiting for 归档 (200 each),
   * and per owner how many run, how many are past 80 % of their time and how many are late: counted in
   * ONE grouped statement over every running case of the scope, not over the page.
   */
  async supervision() {
    const routed = await routeScope(strapi);
    const scope = scopeWhere(routed);
    const list = (status: CaseStatus | readonly CaseStatus[], orderBy: unknown, limit: number) =>
      caseRows(
        strapi,
        { ...scope, status: typeof status === 'string' ? status : { $in: [...status] } },
        orderBy,
        limit,
      );
    const now = new Date();
    const [running, toDispatch, toVerify, toArchive, owners] = await Promise.all([
      list(ON_THE_CLOCK, [{ dueAt: 'asc' }, { id: 'asc' }], 1000),
      list('accepted', [{ acceptedAt: 'asc' }, { id: 'asc' }], 1000),
      // what waits for staff after the owner: 核查 (handled) and 归档 (rated), newest deadline first
      list('handled', [{ dueAt: 'desc' }, { id: 'desc' }], 200),
      list('rated', [{ dueAt: 'desc' }, { id: 'desc' }], 200),
      ownerLoad(strapi, routed, now),
    ]);
    return {
      cases: running.map(caseView),
      toDispatch: toDispatch.map(caseView),
      toVerify: toVerify.map(caseView),
      toArchive: toArchive.map(caseView),
      owners: owners.map(({ owner, account, running: n, warning, overdue }) => ({
        owner,
        account,
        running: n,
        warning,
        overdue,
      })),
      // 督办 notifications: what the automatic tick (services/reminders.ts) flagged among the running
      // cases, and how many of them it urged in the last 24 hours
      reminders: {
        warned: owners.reduce((t, o) => t + o.warned, 0),
        urged: owners.reduce((t, o) => t + o.urged, 0),
        newlyUrged: owners.reduce((t, o) => t + o.newlyUrged, 0),
      },
    };
  },
});

/**
 * Per owner: running cases, those past the warning point (80 % of dispatch → deadline) and those
 * overdue at `now`, by the clock of sql.ts (the rule of `urgency`); one grouped statement in the scope.
 */
async function ownerLoad(strapi: Core.Strapi, scope: RouteScope, now: Date) {
  const knex = knexOf(strapi);
  const clock = caseClock(strapi);
  const warning = clock.warning(now);
  const overdue = clock.overdue(now);
  // an owner with its own account (承办方账号) is one owner whatever name a case carries, and two
  // accounts of one name stay two: the group is the account, else the name
  const link = joinOf(strapi, UID.case, 'ownerAccount');
  const query = knex({ c: tableOf(strapi, UID.case) })
    .leftJoin({ oa: link.table }, `oa.${link.own}`, 'c.id')
    .leftJoin({ a: tableOf(strapi, UID.ownerAccount) }, 'a.id', `oa.${link.other}`)
    .whereIn('c.status', [...ON_THE_CLOCK])
    .whereNotNull('c.due_at')
    .select({ owner: knex.raw("COALESCE(MAX(a.name), MAX(c.owner_name), '—')"), account: 'a.document_id' })
    .select({
      running: knex.raw('COUNT(*)'),
      warning: countWhen(knex, warning.sql, warning.bindings),
      overdue: countWhen(knex, overdue.sql, overdue.bindings),
      warned: countWhen(knex, 'c.warned_at IS NOT NULL'),
      urged: countWhen(knex, 'c.urged_at IS NOT NULL'),
      newlyUrged: countWhen(knex, `${epochMs(strapi, 'c.urged_at')} >= ?`, [now.getTime() - 86_400_000]),
    })
    .groupBy('a.document_id')
    .groupByRaw("CASE WHEN a.document_id IS NULL THEN COALESCE(c.owner_name, '—') END");
  whereInScope(query, strapi, scope, 'c', UID.case);
  const rows = (await query) as Array<Record<string, unknown> & { owner: string; account: string | null }>;
  return rows
    .map((r) => ({
      owner: r.owner,
      account: r.account ?? null,
      running: Number(r.running),
      warning: Number(r.warning),
      overdue: Number(r.overdue),
      warned: Number(r.warned ?? 0),
      urged: Number(r.urged ?? 0),
      newlyUrged: Number(r.newlyUrged ?? 0),
    }))
    .sort((a, b) => b.overdue - a.overdue || b.running - a.running || a.owner.localeCompare(b.owner));
}
