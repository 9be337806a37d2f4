import type { Core } from '@strapi/strapi';
import { notFound, routeScope, scopeWhere } from '@grassroots/kit/server';
import { DUPLICATE_RADIUS_METRES, ON_THE_CLOCK, OPEN_STATUSES, distanceMetres } from '../../../shared';
import { UID } from '../uids';
import { caseRow, caseRows, caseView, eventView, eventsOf, publicView, urgencyOf } from './rows';
import { gridAccountOf, unitOf } from './cases';
import { getService } from '../get-service';
import type { CaseRow } from '../types';

const point = (r: CaseRow) =>
  r.lat === null || r.lat === undefined || r.lng === null || r.lng === undefined
    ? null
    : { lat: Number(r.lat), lng: Number(r.lng) };

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
    const [events, photos, links] = await Promise.all([
      eventsOf(strapi, row.id),
      getService(strapi, 'photos').of(row.id),
      getService(strapi, 'links').of(row),
    ]);
    return {
      ...caseView(row),
      photos: { before: photos.photosBefore, after: photos.photosAfter },
      links,
      history: events.map((e) => eventView(e, true)),
    };
  },

  /** 受理台: new cases in the caller's organisation, each with open cases of its category within 50 m. */
  async intake() {
    const scope = scopeWhere(await routeScope(strapi));
    const fresh = await caseRows(strapi, { ...scope, status: 'reported' }, [{ reportedAt: 'asc' }, { id: 'asc' }], 200);
    const categories = [
      ...new Set(
        fresh
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
    return fresh.map((r) => {
      const here = point(r);
      const duplicates = here
        ? open
            .filter((o) => o.id !== r.id && o.category?.id === r.category?.id)
            .map((o) => ({ o, d: distanceMetres(here, point(o)!) }))
            .filter(({ d }) => d <= DUPLICATE_RADIUS_METRES)
            .sort((a, b) => a.d - b.d)
            .map(({ o, d }) => ({ documentId: o.documentId, title: o.title, status: o.status, metres: Math.round(d) }))
        : [];
      return { ...caseView(r), possibleDuplicates: duplicates };
    });
  },

  /** 督办台: running cases by deadline (overdue first), and per owner how many run and how many are late. */
  async supervision() {
    const scope = scopeWhere(await routeScope(strapi));
    const rows = await caseRows(
      strapi,
      { ...scope, status: { $in: [...ON_THE_CLOCK] } },
      [{ dueAt: 'asc' }, { id: 'asc' }],
      1000,
    );
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
    // 督办 notifications: what the automatic tick (services/reminders.ts) flagged among the running cases,
    // and how many of them it urged in the last 24 hours.
    const since = now.getTime() - 86_400_000;
    const at = (v: unknown) => (v ? new Date(v as string).getTime() : null);
    const reminders = {
      warned: rows.filter((r) => at(r.warnedAt) !== null).length,
      urged: rows.filter((r) => at(r.urgedAt) !== null).length,
      newlyUrged: rows.filter((r) => (at(r.urgedAt) ?? 0) >= since).length,
    };
    return {
      cases,
      reminders,
      owners: [...byOwner.values()].sort((a, b) => b.overdue - a.overdue || b.running - a.running),
    };
  },
});
