import type { Core } from '@strapi/strapi';
import { conflict, inTransaction, lockRow, moveIf, notFound, readDate } from '@grassroots/kit/server';
import { UID } from '../uids';
import { decideCheckOut, openSlotOf, type MemberRef } from '../domain/check-in-rules';
import { shapeCheckIn, type CheckInRecord, type CheckInView } from '../check-in/view';

interface ActivityRow {
  id: number;
  documentId: string;
  title: string;
  kind: string;
  startsAt: string;
  endsAt: string;
}
type CheckInRow = CheckInRecord & { id: number; openSlot?: string | null; activity?: ActivityRow | null };

const date = (v: unknown) => readDate(v) ?? new Date(NaN);

/** A member's own check-ins after the phone's check-in (services/submit-check-in.ts): check-out, list, cancel. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Facts from the database, the decision from domain/check-in-rules.ts, then the write. */
  async checkOut(member: MemberRef, activityDocumentId: string, now = new Date()): Promise<CheckInView> {
    const activity: ActivityRow | null = await strapi.db
      .query(UID.activity)
      .findOne({ where: { documentId: activityDocumentId } });
    const open: CheckInRow | null = activity
      ? await strapi.db.query(UID.checkIn).findOne({ where: { openSlot: openSlotOf(member.id, activity.id) } })
      : null;
    const last: CheckInRow | null =
      activity && !open
        ? await strapi.db
            .query(UID.checkIn)
            .findOne({ where: { memberRef: member.id, activityRef: activity.id }, orderBy: { id: 'desc' } })
        : null;
    const d = decideCheckOut(
      activity && { startsAt: date(activity.startsAt), endsAt: date(activity.endsAt) },
      open && { checkedInAt: date(open.checkedInAt) },
      !!last?.checkedOutAt,
      now,
    );
    if (!d.ok) throw d.refusal;
    // Conditional on the slot still being open: of two check-outs at once, one closes it, the other is a 409.
    const updated = await inTransaction(strapi, async () => {
      await moveIf(
        strapi,
        UID.checkIn,
        { id: open!.id, openSlot: open!.openSlot },
        { checkedOutAt: d.value.checkedOutAt, minutes: d.value.minutes, openSlot: null },
        conflict('check-out', 'already checked out of this activity (已签退)'),
      );
      return (await strapi.db.query(UID.checkIn).findOne({ where: { id: open!.id } })) as CheckInRecord;
    });
    return shapeCheckIn(updated, activity);
  },

  async mine(member: MemberRef, year?: number): Promise<CheckInView[]> {
    const rows: CheckInRow[] = await strapi.db.query(UID.checkIn).findMany({
      where: { memberRef: member.id, ...(year ? { year } : {}) },
      populate: { activity: true },
      orderBy: { checkedInAt: 'desc' },
      limit: 200,
    });
    return rows.map((r) => shapeCheckIn(r, r.activity));
  },

  /** A member withdraws a check-in the community has not yet verified; verified records stay. */
  async cancel(member: MemberRef, documentId: string) {
    // Lock, then read: a cancel racing the staff's decision either deletes a pending row or sees it decided.
    await inTransaction(strapi, async () => {
      await lockRow(strapi, UID.checkIn, { documentId });
      const row: CheckInRow | null = await strapi.db
        .query(UID.checkIn)
        .findOne({ where: { documentId, memberRef: member.id } });
      if (!row) throw notFound('check-in', '签到记录');
      if (row.status !== 'pending')
        throw conflict('check-in', `a ${row.status} check-in cannot be cancelled (已审核，不能撤销)`);
      await strapi.documents(UID.checkIn).delete({ documentId });
    });
    return { documentId, cancelled: true };
  },
});
