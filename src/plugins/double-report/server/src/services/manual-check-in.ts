import type { Core } from '@strapi/strapi';
import {
  conflict,
  documentData,
  inTransaction,
  invalid,
  isUniqueViolation,
  lockRow,
  readDate,
} from '@grassroots/kit/server';
import { UID } from '../uids';
import { EARLY_MINUTES, decideManualCheckIn, openSlotOf, type Session } from '../domain/check-in-rules';
import { shapeCheckIn, type CheckInRecord } from '../check-in/view';

export interface ManualInput {
  member: string;
  activity: string;
  checkedInAt: string;
  checkedOutAt?: string;
  note?: string;
}

interface MemberRow {
  id: number;
  documentId: string;
  name: string;
  unit?: { name: string } | null;
}
interface ActivityRow {
  id: number;
  documentId: string;
  title: string;
  kind: string;
  startsAt: string;
  endsAt: string;
}

const date = (v: unknown) => readDate(v) ?? new Date(NaN);

/**
 * Community staff record a member's attendance (source manual), e.g. an elderly member without a
 * phone. The rules are domain/check-in-rules.ts (decideManualCheckIn); the row is inserted holding
 * the member's open slot, so the database's unique index refuses it when the member is checked in.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** What the staff form offers: members living in the community and its activities of the last 90 days. */
  async options(communityDocumentId: string, now = new Date()) {
    const [members, activities]: [MemberRow[], ActivityRow[]] = await Promise.all([
      strapi.db.query(UID.member).findMany({
        where: { community: { documentId: communityDocumentId } },
        populate: { unit: true },
        orderBy: { name: 'asc' },
        limit: 1000,
      }),
      strapi.db.query(UID.activity).findMany({
        where: {
          community: { documentId: communityDocumentId },
          startsAt: {
            $gte: new Date(now.getTime() - 90 * 86400000),
            $lte: new Date(now.getTime() + EARLY_MINUTES * 60000),
          },
        },
        orderBy: { startsAt: 'desc' },
        limit: 200,
      }),
    ]);
    return {
      members: members.map((m) => ({ documentId: m.documentId, name: m.name, unit: m.unit?.name ?? null })),
      activities: activities.map((a) => ({
        documentId: a.documentId,
        title: a.title,
        startsAt: a.startsAt,
        endsAt: a.endsAt,
      })),
    };
  },

  async record(input: ManualInput, by: string, now = new Date()) {
    const member: MemberRow | null = await strapi.db.query(UID.member).findOne({ where: { documentId: input.member } });
    if (!member) throw invalid('member', 'no such member (没有该党员)');
    const activity: ActivityRow | null = await strapi.db
      .query(UID.activity)
      .findOne({ where: { documentId: input.activity } });
    if (!activity) throw invalid('activity', 'no such activity (没有该活动)');

    const inAt = new Date(input.checkedInAt);
    const outAt = input.checkedOutAt ? new Date(input.checkedOutAt) : null;
    try {
      const created = await inTransaction(strapi, async () => {
        // The member's row is the lock: two staff recording the same member at once are taken one after
        // the other, the second against the first's session (overlap → 409). The unique index
        // dr_check_ins_manual_slot_uq (bootstrap) holds the same slot in the database itself.
        await lockRow(strapi, UID.member, { id: member.id });
        const others: Array<{ checkedInAt: string; checkedOutAt: string | null }> = await strapi.db
          .query(UID.checkIn)
          .findMany({
            where: { memberRef: member.id, activityRef: activity.id, status: { $ne: 'rejected' } },
            select: ['checkedInAt', 'checkedOutAt'],
          });
        const sessions: Session[] = others.map((o) => ({
          checkedInAt: date(o.checkedInAt),
          checkedOutAt: readDate(o.checkedOutAt),
        }));
        const d = decideManualCheckIn(
          { startsAt: date(activity.startsAt), endsAt: date(activity.endsAt) },
          inAt,
          outAt,
          sessions,
          now,
        );
        if (!d.ok) throw d.refusal;
        const row = await strapi.documents(UID.checkIn).create({
          data: documentData(UID.checkIn, {
            member: member.documentId,
            activity: activity.documentId,
            memberRef: member.id,
            activityRef: activity.id,
            openSlot: openSlotOf(member.id, activity.id),
            checkedInAt: inAt.toISOString(),
            source: 'manual',
            status: 'pending',
            minutes: 0,
            year: d.value.year,
            recordedBy: by,
            note: input.note ?? null,
          }),
        });
        if (outAt == null) return row;
        // Closed at once, inside the same transaction: the slot was still checked by the unique index.
        return strapi.documents(UID.checkIn).update({
          documentId: row.documentId,
          data: documentData(UID.checkIn, {
            checkedOutAt: outAt.toISOString(),
            minutes: d.value.minutes,
            openSlot: null,
          }),
        });
      });
      return {
        ...shapeCheckIn(created as unknown as CheckInRecord, activity),
        member: { documentId: member.documentId, name: member.name },
      };
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('member', 'already checked in to this activity, check out first (已签到，请先签退)');
      throw err;
    }
  },
});
