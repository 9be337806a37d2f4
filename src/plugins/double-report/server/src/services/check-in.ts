import type { Core } from '@strapi/strapi';
import { UID } from './tables';
import { HttpError, conflict, invalid, isUniqueViolation, notFound } from './http-error';
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

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async checkIn(member: any, input: CheckInInput, now = new Date()) {
    const activity: any = await strapi.db.query(UID.activity as any).findOne({ where: { documentId: input.activity } });
    if (!activity) throw invalid('activity', 'no such activity');
    const starts = new Date(activity.startsAt);
    const ends = new Date(activity.endsAt);
    if (now.getTime() < starts.getTime() - EARLY_MINUTES * 60000) throw invalid('activity', `check-in opens ${EARLY_MINUTES} minutes before the start (签到尚未开始)`);
    if (now > ends) throw invalid('activity', 'the activity has ended (活动已结束)');

    if (input.source === 'qr') {
      const rules = await strapi.plugin('double-report').service('rules').get();
      const fresh = activity.qrRotatedAt && now.getTime() - new Date(activity.qrRotatedAt).getTime() <= rules.qrTokenTtlMinutes * 60000;
      if (!activity.qrToken || activity.qrToken !== input.token) throw invalid('token', 'not the activity\'s current QR token (二维码无效)');
      if (!fresh) throw invalid('token', 'the QR token has expired, scan the refreshed code (二维码已过期)');
    } else {
      if (activity.lat == null || activity.lng == null) throw invalid('source', 'this activity has no location, use its QR code');
      const d = distanceMetres(Number(activity.lat), Number(activity.lng), input.lat!, input.lng!);
      const radius = Number(activity.radius ?? 200);
      if (d > radius) throw invalid('lat', `position is ${Math.round(d)} m from the activity, outside its ${radius} m radius (不在签到范围内)`);
    }

    const slot = `${member.id}:${activity.id}`;
    const open = await strapi.db.query(UID.checkIn as any).findOne({ where: { openSlot: slot }, select: ['id'] });
    if (open) throw conflict('check-in: already checked in to this activity (已签到，请先签退)');
    if (activity.capacity) {
      const taken = await strapi.db.query(UID.checkIn as any).count({ where: { activityRef: activity.id, status: { $ne: 'rejected' } } });
      if (taken >= activity.capacity) throw conflict('activity: capacity reached (名额已满)');
    }
    try {
      const created: any = await strapi.documents(UID.checkIn as any).create({
        data: {
          member: member.documentId,
          activity: activity.documentId,
          memberRef: member.id,
          activityRef: activity.id,
          openSlot: slot,
          checkedInAt: now.toISOString(),
          source: input.source,
          status: 'pending',
          minutes: 0,
          year: starts.getUTCFullYear(),
        } as any,
      });
      return shapeCheckIn(created, activity);
    } catch (err) {
      // The unique index on openSlot is the last word when duplicates race (here or on another instance).
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
