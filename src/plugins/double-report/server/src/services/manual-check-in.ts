import type { Core } from '@strapi/strapi';
import { UID } from './tables';
import { conflict, invalid, isUniqueViolation } from './http-error';
import { shapeCheckIn } from './check-in';

// Same window as a member's own check-in: from an hour before the start to the end.
const EARLY_MINUTES = 60;
// Clock skew allowed between the staff's device and the server.
const FUTURE_SLACK_MS = 60000;

export type ManualInput = { member: string; activity: string; checkedInAt: string; checkedOutAt?: string; note?: string };

/**
 * Community staff record a member's attendance (source manual), e.g. an elderly member without a
 * phone. Minutes are computed here exactly as at check-out. The row is inserted holding the member's
 * open slot, so the database's unique index refuses it when the member is already checked in.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** What the staff form offers: members living in the community and its activities of the last 90 days. */
  async options(communityDocumentId: string, now = new Date()) {
    const [members, activities]: any[][] = await Promise.all([
      strapi.db.query(UID.member as any).findMany({ where: { community: { documentId: communityDocumentId } }, populate: { unit: true }, orderBy: { name: 'asc' }, limit: 1000 }),
      strapi.db.query(UID.activity as any).findMany({
        where: { community: { documentId: communityDocumentId }, startsAt: { $gte: new Date(now.getTime() - 90 * 86400000), $lte: new Date(now.getTime() + EARLY_MINUTES * 60000) } },
        orderBy: { startsAt: 'desc' },
        limit: 200,
      }),
    ]);
    return {
      members: members.map((m) => ({ documentId: m.documentId, name: m.name, unit: m.unit?.name ?? null })),
      activities: activities.map((a) => ({ documentId: a.documentId, title: a.title, startsAt: a.startsAt, endsAt: a.endsAt })),
    };
  },

  async record(input: ManualInput, by: string, now = new Date()) {
    const member: any = await strapi.db.query(UID.member as any).findOne({ where: { documentId: input.member } });
    if (!member) throw invalid('member', 'no such member');
    const activity: any = await strapi.db.query(UID.activity as any).findOne({ where: { documentId: input.activity } });
    if (!activity) throw invalid('activity', 'no such activity');
    const starts = new Date(activity.startsAt).getTime();
    const ends = new Date(activity.endsAt).getTime();
    const inAt = new Date(input.checkedInAt).getTime();
    const outAt = input.checkedOutAt ? new Date(input.checkedOutAt).getTime() : null;
    if (inAt > now.getTime() + FUTURE_SLACK_MS) throw invalid('checkedInAt', 'must not be in the future');
    if (inAt < starts - EARLY_MINUTES * 60000 || inAt > ends) throw invalid('checkedInAt', `must lie between ${EARLY_MINUTES} minutes before the activity starts and its end`);
    if (outAt != null && outAt <= inAt) throw invalid('checkedOutAt', 'must be after checkedInAt');
    if (outAt != null && outAt > now.getTime() + FUTURE_SLACK_MS) throw invalid('checkedOutAt', 'must not be in the future');
    if (outAt != null && outAt < starts) throw invalid('checkedOutAt', 'must be after the activity starts');

    // A finished session must not overlap one the member already has for this activity (no double hours).
    const others: any[] = await strapi.db.query(UID.checkIn as any).findMany({
      where: { memberRef: member.id, activityRef: activity.id, status: { $ne: 'rejected' } },
      select: ['checkedInAt', 'checkedOutAt'],
    });
    const end = outAt ?? Number.POSITIVE_INFINITY;
    for (const o of others) {
      const oIn = new Date(o.checkedInAt).getTime();
      const oOut = o.checkedOutAt ? new Date(o.checkedOutAt).getTime() : Number.POSITIVE_INFINITY;
      if (oIn < end && inAt < oOut) throw conflict('checkedInAt: the member already has a check-in covering this time (时间段已有签到)', 'checkedInAt');
    }

    const minutes = outAt == null ? 0 : Math.max(0, Math.floor((Math.min(outAt, ends) - Math.max(inAt, starts)) / 60000));
    const slot = `${member.id}:${activity.id}`;
    try {
      const created: any = await strapi.db.transaction(async () => {
        const row: any = await strapi.documents(UID.checkIn as any).create({
          data: {
            member: member.documentId, activity: activity.documentId, memberRef: member.id, activityRef: activity.id,
            openSlot: slot, checkedInAt: new Date(inAt).toISOString(), source: 'manual', status: 'pending', minutes: 0,
            year: new Date(starts).getUTCFullYear(), recordedBy: by, note: input.note ?? null,
          } as any,
        });
        if (outAt == null) return row;
        // Closed at once, inside the same transaction: the slot was still checked by the unique index.
        return strapi.documents(UID.checkIn as any).update({ documentId: row.documentId, data: { checkedOutAt: new Date(outAt).toISOString(), minutes, openSlot: null } as any });
      });
      return { ...shapeCheckIn(created, activity), member: { documentId: member.documentId, name: member.name } };
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('member: already checked in to this activity, check out first (已签到，请先签退)', 'member');
      throw err;
    }
  },
});
