import type { Core } from '@strapi/strapi';
import { notFound, routeScope, scopeWhere } from '@grassroots/kit/server';
import {
  DUPLICATE_RADIUS_METRES,
  ON_THE_CLOCK,
  OPEN_STATUSES,
  actionAllowed,
  distanceMetres,
  type CaseStatus,
} from '../../../shared';
import { UID } from '../uids';
import { caseRow, caseRows, caseView, eventView, eventsOf, publicView, urgencyOf } from './rows';
import { gridAccountOf, unitOf } from './cases';
import type { CaseRow } from '../types';

const point = (r: CaseRow) =>
  r.lat === null || r.lat === undefined || r.lng === null || r.lng === undefined
    ? null
    : { lat: Number(r.lat), lng: Number(r.lng) };

export type Duplicate = { documentId: string; title: string; status: string; metres: number };

/**
 * The open cases of the same category within 50 m of each given case, nearest first, in the given
 * scope: one query for all of them (the 受理台's list and the detail page's merge picker both use it).
 */
export const possibleDuplicates = async (
  strapi: Core.Strapi,
  scope: Record<string, unknown>,
  cases: CaseRow[],
): Promise<(r: CaseRow) => Duplicate[]> => {
  const categories = [
    ...new Set(
      cases
        .filter(point)
        .map((r) => r.category?.id)
        .filter(Boolean),
    ),
  ] as number[];
  const open = categories.length
    ? await caseRows(
        strapi,
        {
          ...scope,
          status: { $in: [...OPEN_STATUSES] },
          category: { id: { $in: categories } },
          lat: { $notNull: true },
        },
        { reportedAt: 'asc' },
        5000,
      )
    : [];
  return (r) => {
    const here = point(r);
    return here
      ? open
          .filter((o) => o.id !== r.id && o.category?.id === r.category?.id)
          .map((o) => ({ o, d: distanceMetres(here, point(o)!) }))
          .filter(({ d }) => d <= DUPLICATE_RADIUS_METRES)
          .sort((a, b) => a.d - b.d)
          .map(({ o, d }) => ({ documentId: o.documentId, title: o.title, status: o.status, metres: Math.round(d) }))
      : [];
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
  /** The cases dispatched to the signed-in unit, earliest deadline first. */
  async owner(userId: number) {
    const unit = await unitOf(strapi, userId);
    return (await caseRows(strapi, { ownerUnit: { id: unit.id } }, { dueAt: 'asc' }, 200)).map(caseView);
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
    const events = await eventsOf(strapi, row.id);
    return { ...publicView(row), history: events.map((e) => eventView(e, false)) };
  },

  /** One case for staff (scope checked by the route's caller), with its full history. */
  async staffCase(documentId: string) {
    const scope = scopeWhere(await routeScope(strapi));
    const row = await caseRow(strapi, { documentId, ...scope });
    if (!row) throw notFound('case', '事项');
    // a case that may still be merged offers the 受理台's duplicates as the merge picker
    const mergeable = actionAllowed('merge', row.status);
    const [events, linked, duplicates] = await Promise.all([
      eventsOf(strapi, row.id),
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
      history: events.map((e) => eventView(e, true)),
    };
  },

  /**
   * 受理台: new cases in the caller's organisation, newest first (the desk shows the latest 200 when a
   * backlog builds up), each with open cases of its category within 50 m.
   */
  async intake() {
    const scope = scopeWhere(await routeScope(strapi));
    const fresh = await caseRows(
      strapi,
      { ...scope, status: 'reported' },
      [{ reportedAt: 'desc' }, { id: 'desc' }],
      200,
    );
    const duplicates = await possibleDuplicates(strapi, scope, fresh);
    return fresh.map((r) => ({ ...caseView(r), possibleDuplicates: duplicates(r) }));
  },

  /**
   * 督办台: running cases by deadline (overdue first), per owner how many run and how many are late,
   * the accepted cases waiting for 派单 (read in the same query), and the handled cases waiting for
   * 核查 and the rated ones waiting for 归档 (one query each, in parallel).
   */
  async supervision() {
    const scope = scopeWhere(await routeScope(strapi));
    // what waits for staff after the owner: 核查 (handled) and 归档 (rated), newest deadline first
    const waiting = (status: CaseStatus) =>
      caseRows(strapi, { ...scope, status }, [{ dueAt: 'desc' }, { id: 'desc' }], 200).then((rs) => rs.map(caseView));
    const [read, toVerify, toArchive] = await Promise.all([
      caseRows(
        strapi,
        { ...scope, status: { $in: ['accepted', ...ON_THE_CLOCK] } },
        [{ dueAt: 'asc' }, { id: 'asc' }],
        1000,
      ),
      waiting('handled'),
      waiting('rated'),
    ]);
    const toDispatch = read.filter((r) => r.status === 'accepted').map(caseView);
    const rows = read.filter((r) => r.status !== 'accepted');
    const now = new Date();
    const byOwner = new Map<string, { owner: string; running: number; warning: number; overdue: number }>();
    const cases = rows.map((r) => {
      const u = urgencyOf(r, now);
      const key = r.ownerName ?? '—';
      const o = byOwner.get(key) ?? { owner: key, running: 0, warning: 0, overdue: 0 };
      o.running += 1;
      if (u === 'warning') o.warning += 1;
      if (u === 'overdue') o.overdue += 1;
      byOwner.set(key, o);
      return caseView(r);
    });
    return {
      cases,
      toDispatch,
      toVerify,
      toArchive,
      owners: [...byOwner.values()].sort((a, b) => b.overdue - a.overdue || b.running - a.running),
    };
  },
});
