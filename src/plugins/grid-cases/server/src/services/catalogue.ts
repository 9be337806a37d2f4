import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { conflict, isUniqueViolation, notFound, reachWhere, routeScope, scopeWhere } from '@grassroots/kit/server';
import { UID, UNIT } from '../uids';
import type { CategoryInput, CategoryPatch, HolidayInput, HolidaysQuery, OwnerAccountsQuery } from '../validation';

const docs = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as StrapiUID.ContentType);
const CATEGORY_FIELDS = ['documentId', 'name', 'timeLimitDays', 'defaultOwnerKind', 'defaultOwnerName', 'active'];
const HOLIDAY_FIELDS = ['documentId', 'date', 'kind', 'name'];

type Row = Record<string, unknown>;
const category = (r: Row) => ({
  documentId: String(r.documentId),
  name: String(r.name),
  timeLimitDays: Number(r.timeLimitDays),
  defaultOwnerKind: (r.defaultOwnerKind as string | null) ?? null,
  defaultOwnerName: (r.defaultOwnerName as string | null) ?? null,
  active: Boolean(r.active),
});
const holiday = (r: Row) => ({
  documentId: String(r.documentId),
  date: String(r.date).slice(0, 10),
  kind: r.kind as 'holiday' | 'workday',
  name: (r.name as string | null) ?? null,
});
const TAKEN = 'this day is already in the calendar (该日期已在工作日历中)';

/** Strapi's application-level `unique: true` check, as the Document Service throws it. */
const saysNotUnique = (e: unknown): boolean => {
  const err = e as { message?: unknown; details?: { errors?: Array<{ message?: unknown }> } } | null;
  const messages = [err?.message, ...(err?.details?.errors ?? []).map((i) => i.message)];
  return messages.some((m) => typeof m === 'string' && /must be unique/i.test(m));
};

/**
 * 事项目录与工作日历: county-wide configuration (one catalogue, one calendar for every deadline), so
 * no organisation scope applies; the route's RBAC action `catalogue` says who edits it. Writes go
 * through the Document Service so the public cache that shows category names is invalidated.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async categories() {
    const rows = (await strapi.db.query(UID.category).findMany({
      select: CATEGORY_FIELDS,
      orderBy: [{ active: 'desc' }, { name: 'asc' }],
    })) as Row[];
    return rows.map(category);
  },
  async createCategory(input: CategoryInput) {
    return category(
      (await docs(strapi, UID.category).create({ data: input as never, fields: CATEGORY_FIELDS as never })) as Row,
    );
  },
  async updateCategory(documentId: string, patch: CategoryPatch) {
    const found = await strapi.db.query(UID.category).findOne({ where: { documentId }, select: ['id'] });
    if (!found) throw notFound('category', '事项类别');
    return category(
      (await docs(strapi, UID.category).update({
        documentId,
        data: patch as never,
        fields: CATEGORY_FIELDS as never,
      })) as Row,
    );
  },

  /** The holiday table between two dates (a month or a year of the calendar page). */
  async holidays(q: HolidaysQuery) {
    const rows = (await strapi.db.query(UID.holiday).findMany({
      where: { date: { $gte: q.from, $lte: q.to } },
      select: HOLIDAY_FIELDS,
      orderBy: { date: 'asc' },
    })) as Row[];
    return rows.map(holiday);
  },
  /** One day into the table; a day already there is a 409 (edit = remove and add again). */
  async addHoliday(input: HolidayInput) {
    const taken = await strapi.db.query(UID.holiday).findOne({ where: { date: input.date }, select: ['id'] });
    if (taken) throw conflict('date', TAKEN);
    try {
      return holiday(
        (await docs(strapi, UID.holiday).create({ data: input as never, fields: HOLIDAY_FIELDS as never })) as Row,
      );
    } catch (e) {
      // two staff adding the same day at once: the loser meets Strapi's own unique check (a
      // validation error) or, past it, the unique index; either way the day was taken meanwhile
      if (isUniqueViolation(e) || saysNotUnique(e)) throw conflict('date', TAKEN);
      throw e;
    }
  },
  async removeHoliday(date: string) {
    const row = (await strapi.db.query(UID.holiday).findOne({ where: { date }, select: ['documentId'] })) as Row | null;
    if (!row) throw notFound('date', '工作日历中该日期');
    await docs(strapi, UID.holiday).delete({ documentId: String(row.documentId) });
    return { date, removed: true };
  },

  /** 派单's unit picker: the double-report units within the caller's organisation. */
  async units() {
    const rows = (await strapi.db.query(UNIT as StrapiUID.Schema).findMany({
      where: scopeWhere(await routeScope(strapi)),
      select: ['documentId', 'name'],
      orderBy: { name: 'asc' },
      limit: 1000,
    })) as Row[];
    return rows.map((r) => ({ documentId: String(r.documentId), name: String(r.name) }));
  },
  /**
   * 派单's owner-account picker: the departments and property companies serving the caller's
   * organisation (its own and those below it, and its ancestors' own: the county's departments).
   */
  async ownerAccounts(q: OwnerAccountsQuery) {
    const rows = (await strapi.db.query(UID.ownerAccount).findMany({
      where: { ...(await reachWhere(strapi)), ...(q.kind ? { kind: q.kind } : {}) },
      select: ['documentId', 'name', 'kind'],
      orderBy: [{ kind: 'asc' }, { name: 'asc' }],
      limit: 1000,
    })) as Row[];
    return rows.map((r) => ({ documentId: String(r.documentId), name: String(r.name), kind: String(r.kind) }));
  },
});
