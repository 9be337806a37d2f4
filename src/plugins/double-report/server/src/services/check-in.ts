import type { Core } from '@strapi/strapi';
import { UID, documentColumns, table } from './tables';
import { HttpError, conflict, invalid, notFound } from './http-error';
import { distanceMetres } from './geo';

// A member may check in this long before the activity starts (arriving early to set up).
const EARLY_MINUTES = 60;

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

/** The check-in a member's rules allow: its row, the answer, and the two ends of its relation links. */
export type Prepared = { row: Record<string, unknown>; data: ReturnType<typeof shapeCheckIn>; memberId: number; activityId: number };

/** The activity columns the check-in rules read (both dialects' lookups use this list). */
export const ACTIVITY_COLUMNS = ['id', 'document_id', 'title', 'kind', 'starts_at', 'ends_at', 'lat', 'lng', 'radius', 'capacity', 'qr_token', 'qr_rotated_at'];

/** The activity by document id with what the check-in rules read, the QR lifetime rule included (one statement). */
export function activityQuery(strapi: Core.Strapi, documentId: string, db: any = strapi.db.connection) {
  const k = strapi.db.connection;
  return db(table(strapi, UID.activity))
    .where('document_id', documentId)
    .orderBy('id')
    .first(
      ...ACTIVITY_COLUMNS,
      // The rule set is a single type: its one row, once the admin has saved it.
      k.raw(`(SELECT qr_token_ttl_minutes FROM ${table(strapi, UID.rules)} ORDER BY id LIMIT 1) AS qr_ttl_minutes`)
    );
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The check-in rules (time window, QR token and its lifetime, GPS radius, capacity) for `member` at
   * `a` (a row of activityQuery, or null), and the row and answer they allow. Writes nothing: the
   * caller stores the row together with its idempotency record (services/submit-check-in.ts). `db`:
   * the caller's transaction, when it has one.
   */
  async prepare(member: { id: number; documentId: string }, input: CheckInInput, a: any, now = new Date(), db: any = strapi.db.connection) {
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
      const taken: any = await db(table(strapi, UID.checkIn)).where('activity_ref', a.id).whereNot('status', 'rejected').count({ n: '*' }).first();
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
    return { row, data, memberId: member.id, activityId: activity.id };
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
