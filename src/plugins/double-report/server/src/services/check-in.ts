import type { Core } from '@strapi/strapi';
import { UID, documentColumns, isPostgres, link, memberOfAccount, memberQuery, table } from './tables';
import type { Begin } from './idempotency';
import { retryBusy } from './busy';
import { HttpError, conflict, invalid, isUniqueViolation, notFound } from './http-error';
import { distanceMetres } from './geo';

// A member may check in this long before the activity starts (arriving early to set up).
const EARLY_MINUTES = 60;

/** Extra write joined to the check-in's unit of work; `db` is a knex builder factory bound to it. */
export type Stored = (db: (tableName: string) => any, data: ReturnType<typeof shapeCheckIn>) => any;

export type CheckInInput = { activity: string; source: 'qr' | 'gps'; token?: string; lat?: number; lng?: number };

/** The fields a member or unit sees of a check-in (no internal slot or refs). */
export const shapeCheckIn = (c: any, activity?: any) => ({
  documentId: c.documentId,
  activity: activity ? { documentId: activity.documentId, title: activity.title, kind: activity.kind } : undefined,
  checkedInAt: c.checkedInAt,
  checkedOutAt: c.checkedOutAt ?? null,
  minutes: c.minutes ?? 0,
  source: c.source,
  status: c.status,
  rating: c.rating ?? null,
  ratingComment: c.ratingComment ?? null,
  year: c.year,
});

/** The activity by document id with what the check-in rules read, the QR lifetime rule included (one statement). */
function activityQuery(strapi: Core.Strapi, documentId: string) {
  const k = strapi.db.connection;
  return k(table(strapi, UID.activity))
    .where('document_id', documentId)
    .first(
      'id', 'document_id', 'title', 'kind', 'starts_at', 'ends_at', 'lat', 'lng', 'radius', 'capacity', 'qr_token', 'qr_rotated_at',
      // The rule set is a single type: its one row, once the admin has saved it.
      k.raw(`(SELECT qr_token_ttl_minutes FROM ${table(strapi, UID.rules)} ORDER BY id LIMIT 1) AS qr_ttl_minutes`)
    );
}

export type Start = { begun: Begin; member?: { id: number; documentId: string } | null; activity?: any };

/**
 * Writes the check-in row, its member and activity link rows, and the caller's extra write
 * atomically. PostgreSQL: a single statement of data-modifying CTEs (one round trip; a unique
 * violation anywhere undoes all of it). SQLite: a transaction (in-process, round trips are free).
 */
async function insertCheckIn(strapi: Core.Strapi, row: Record<string, unknown>, memberId: number, activityId: number, extra: Stored | ((db: any) => any)) {
  const k = strapi.db.connection;
  const ci = table(strapi, UID.checkIn);
  const lm = link(strapi, UID.checkIn, 'member');
  const la = link(strapi, UID.checkIn, 'activity');
  if (!isPostgres(strapi)) {
    await k.transaction(async (trx: any) => {
      const [id] = (await trx(ci).insert(row)).map((r: any) => (typeof r === 'object' ? r.id : r));
      await trx(lm.table).insert({ [lm.own]: id, [lm.other]: memberId });
      await trx(la.table).insert({ [la.own]: id, [la.other]: activityId });
      await (extra as any)(trx);
    });
    return;
  }
  const ins = k(ci).insert(row).returning('id').toSQL();
  let sql = `WITH ci AS (${ins.sql})`;
  const bindings: unknown[] = [...ins.bindings];
  sql += `, lm AS (INSERT INTO ?? (??, ??) SELECT id, ? FROM ci)`;
  bindings.push(lm.table, lm.own, lm.other, memberId);
  sql += `, la AS (INSERT INTO ?? (??, ??) SELECT id, ? FROM ci)`;
  bindings.push(la.table, la.own, la.other, activityId);
  const more = (extra as any)(k);
  if (more && typeof more.toSQL === 'function') {
    const q = more.toSQL();
    sql += `, extra AS (${q.sql})`;
    bindings.push(...q.bindings);
  }
  await k.raw(`${sql} SELECT id FROM ci`, bindings);
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The hot path: one activity read, then the row and its two relation links written together (one
   * statement on PostgreSQL, one transaction on SQLite), with `onStored` (the idempotency record's
   * response) in the same unit of work. No SELECT before the INSERT: the unique open-slot index
   * decides races, here or on another instance. The row is a complete Strapi document (document_id,
   * timestamps, published_at, link rows), so the Content Manager shows it like any other.
   */
  /**
   * Everything a check-in needs before its rules can be checked: the key taken (or found taken), the
   * caller's member and the activity with the QR lifetime rule. PostgreSQL: one statement (the key
   * insert is a data-modifying CTE that does nothing on conflict). SQLite: three in-process queries.
   * `activity` is the raw body value, looked up only when it is a plausible document id.
   */
  async start(p: { scope: string; key: string; requestHash: string; userId: number; activity: unknown }, now = new Date()): Promise<Start> {
    const idem = strapi.plugin('double-report').service('idempotency');
    const docId = typeof p.activity === 'string' && p.activity.length <= 64 ? p.activity : null;
    if (!isPostgres(strapi)) {
      // Each step retried on its own: re-running the key insert after it succeeded would answer 409.
      const begun: Begin = await retryBusy(() => idem.begin(p.scope, p.key, p.requestHash, now));
      if (begun.replay) return { begun };
      const member = await retryBusy(() => memberOfAccount(strapi, p.userId));
      const activity = docId ? await retryBusy(() => activityQuery(strapi, docId)) : null;
      return { begun, member, activity: activity ?? null };
    }
    const k = strapi.db.connection;
    const ins = k(table(strapi, UID.idem)).insert(idem.row(p.scope, p.key, p.requestHash, now)).onConflict(['scope', 'key']).ignore().returning('id').toSQL();
    const member = memberQuery(strapi, p.userId).toSQL();
    const act = activityQuery(strapi, docId ?? '').toSQL();
    // This statement's commit is asynchronous (set_config(..., true) lasts for its own transaction): the key row is
    // only a marker. Should PostgreSQL crash before it reaches disk, nothing else was written either — the check-in's
    // own commit is synchronous and flushes the WAL in order, this record included — so a retry simply starts afresh.
    // It saves one WAL flush per check-in; visibility to the other requests is immediate either way.
    const { rows } = await k.raw(
      `WITH taken AS (${ins.sql}) SELECT (SELECT COUNT(*) FROM taken) AS fresh, m.id AS member_id, m.document_id AS member_document_id, a.*
       FROM (SELECT set_config('synchronous_commit', 'off', true)) AS one LEFT JOIN (${member.sql}) AS m ON true LEFT JOIN (${act.sql}) AS a ON ${docId ? 'true' : 'false'}`,
      [...ins.bindings, ...member.bindings, ...act.bindings]
    );
    const r = rows[0];
    if (Number(r.fresh) === 0) return { begun: await idem.existing(p.scope, p.key, p.requestHash) };
    return {
      begun: { replay: false },
      member: r.member_id == null ? null : { id: Number(r.member_id), documentId: r.member_document_id },
      activity: r.id == null ? null : r,
    };
  },

  async checkIn(member: { id: number; documentId: string }, input: CheckInInput, now = new Date(), onStored?: Stored, preloaded?: any) {
    const k = strapi.db.connection;
    const a: any = preloaded?.document_id === input.activity ? preloaded : await activityQuery(strapi, input.activity);
    if (!a) throw invalid('activity', 'no such activity');
    const starts = new Date(a.starts_at);
    const ends = new Date(a.ends_at);
    if (now.getTime() < starts.getTime() - EARLY_MINUTES * 60000) throw invalid('activity', `check-in opens ${EARLY_MINUTES} minutes before the start (签到尚未开始)`);
    if (now > ends) throw invalid('activity', 'the activity has ended (活动已结束)');

    if (input.source === 'qr') {
      const ttl = a.qr_ttl_minutes == null ? strapi.plugin('double-report').service('rules').defaults().qrTokenTtlMinutes : Number(a.qr_ttl_minutes);
      const fresh = a.qr_rotated_at != null && now.getTime() - new Date(a.qr_rotated_at).getTime() <= ttl * 60000;
      if (!a.qr_token || a.qr_token !== input.token) throw invalid('token', 'not the activity\'s current QR token (二维码无效)');
      if (!fresh) throw invalid('token', 'the QR token has expired, scan the refreshed code (二维码已过期)');
    } else {
      if (a.lat == null || a.lng == null) throw invalid('source', 'this activity has no location, use its QR code');
      const d = distanceMetres(Number(a.lat), Number(a.lng), input.lat!, input.lng!);
      const radius = Number(a.radius ?? 200);
      if (d > radius) throw invalid('lat', `position is ${Math.round(d)} m from the activity, outside its ${radius} m radius (不在签到范围内)`);
    }
    if (a.capacity) {
      // Advisory under races (two last seats may both pass); the open-slot index is the hard rule.
      const taken: any = await k(table(strapi, UID.checkIn)).where('activity_ref', a.id).whereNot('status', 'rejected').count({ n: '*' }).first();
      if (Number(taken.n) >= Number(a.capacity)) throw conflict('activity: capacity reached (名额已满)');
    }

    const activity = { id: Number(a.id), documentId: a.document_id, title: a.title, kind: a.kind };
    const row = {
      ...documentColumns(now),
      checked_in_at: now,
      minutes: 0,
      source: input.source,
      status: 'pending',
      year: starts.getUTCFullYear(),
      member_ref: member.id,
      activity_ref: activity.id,
      open_slot: `${member.id}:${activity.id}`,
    };
    const data = shapeCheckIn({ documentId: row.document_id, checkedInAt: now.toISOString(), source: row.source, status: row.status, minutes: 0, year: row.year }, activity);
    try {
      await insertCheckIn(strapi, row, member.id, activity.id, (db: any) => onStored?.(db, data));
      return data;
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('check-in: already checked in to this activity (已签到，请先签退)');
      throw err;
    }
  },

  async checkOut(member: any, activityDocumentId: string, now = new Date()) {
    const activity: any = await strapi.db.query(UID.activity as any).findOne({ where: { documentId: activityDocumentId } });
    if (!activity) throw invalid('activity', 'no such activity');
    const open: any = await strapi.db.query(UID.checkIn as any).findOne({ where: { openSlot: `${member.id}:${activity.id}` } });
    if (!open) {
      const last: any = await strapi.db.query(UID.checkIn as any).findOne({ where: { memberRef: member.id, activityRef: activity.id }, orderBy: { id: 'desc' } });
      if (last?.checkedOutAt) throw conflict('check-out: already checked out of this activity (已签退)');
      throw conflict('check-out: no check-in for this activity (尚未签到)');
    }
    const from = Math.max(new Date(open.checkedInAt).getTime(), new Date(activity.startsAt).getTime());
    if (now.getTime() < from) throw conflict('check-out: the activity has not started yet, service time cannot be counted (活动尚未开始，不能签退)');
    const to = Math.min(now.getTime(), new Date(activity.endsAt).getTime());
    const minutes = Math.max(0, Math.floor((to - from) / 60000));
    const updated: any = await strapi.documents(UID.checkIn as any).update({
      documentId: open.documentId,
      data: { checkedOutAt: now.toISOString(), minutes, openSlot: null } as any,
    });
    return shapeCheckIn(updated, activity);
  },

  async mine(member: any, year?: number) {
    const rows: any[] = await strapi.db.query(UID.checkIn as any).findMany({
      where: { memberRef: member.id, ...(year ? { year } : {}) },
      populate: { activity: true },
      orderBy: { checkedInAt: 'desc' },
      limit: 200,
    });
    return rows.map((r) => shapeCheckIn(r, r.activity));
  },

  /** A member withdraws a check-in the community has not yet verified; verified records stay. */
  async cancel(member: any, documentId: string) {
    const row: any = await strapi.db.query(UID.checkIn as any).findOne({ where: { documentId, memberRef: member.id } });
    if (!row) throw notFound('check-in: not found');
    if (row.status !== 'pending') throw conflict(`check-in: a ${row.status} check-in cannot be cancelled (已审核，不能撤销)`);
    await strapi.documents(UID.checkIn as any).delete({ documentId });
    return { documentId, cancelled: true };
  },
});

export { HttpError };
