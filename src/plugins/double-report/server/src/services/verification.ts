import type { Core } from '@strapi/strapi';
import { UID } from '../uids';
import {
  conflict,
  inTransaction,
  lockRow,
  moveIf,
  notFound,
  scopeWhere,
  type RouteScope,
} from '@grassroots/kit/server';
import { getService } from '../get-service';

interface QueueRow {
  id: number;
  documentId: string;
  checkedInAt: string;
  checkedOutAt: string | null;
  minutes: number;
  source: string;
  status: string;
  rating: number | null;
  verifiedAt: string | null;
  year: number;
  member?: { id: number; documentId: string; name: string; unit?: { id: number; name: string } | null } | null;
  activity?: { documentId: string; title: string; kind: string } | null;
}

/** Community staff verify or reject a check-in and may rate it; points follow the rule set, as ledger rows. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Pending (to decide, oldest first) or verified (to revoke if need be, latest decisions first). */
  async queue(
    communityDocumentId?: string,
    status: 'pending' | 'verified' = 'pending',
    scope: RouteScope = { all: true },
  ) {
    const rows: QueueRow[] = await strapi.db.query(UID.checkIn).findMany({
      where: {
        status,
        checkedOutAt: { $notNull: true },
        ...scopeWhere(scope),
        ...(communityDocumentId ? { activity: { community: { documentId: communityDocumentId } } } : {}),
      },
      populate: { member: { populate: { unit: true } }, activity: true },
      orderBy: status === 'pending' ? { checkedInAt: 'asc' } : { verifiedAt: 'desc' },
      limit: status === 'pending' ? 500 : 100,
    });
    return rows.map((r) => ({
      documentId: r.documentId,
      member: r.member
        ? { documentId: r.member.documentId, name: r.member.name, unit: r.member.unit?.name ?? null }
        : null,
      activity: r.activity
        ? { documentId: r.activity.documentId, title: r.activity.title, kind: r.activity.kind }
        : null,
      checkedInAt: r.checkedInAt,
      checkedOutAt: r.checkedOutAt,
      minutes: r.minutes,
      source: r.source,
      rating: r.rating ?? null,
      verifiedAt: r.verifiedAt ?? null,
    }));
  },

  async decide(
    documentId: string,
    input: { status: 'verified' | 'rejected'; rating?: number; comment?: string },
    by: string,
  ) {
    const rules = await getService(strapi, 'rules').get();
    if (!(await strapi.db.query(UID.checkIn).count({ where: { documentId } }))) throw notFound('check-in', '签到记录');
    // Lock, then read: of a verify and a reject (or a member's cancel) at once, the second sees the first's outcome.
    return inTransaction(strapi, async () => {
      await lockRow(strapi, UID.checkIn, { documentId });
      const row: QueueRow | null = await strapi.db
        .query(UID.checkIn)
        .findOne({ where: { documentId }, populate: { member: { populate: { unit: true } } } });
      // It existed a moment ago: the member cancelled it while this decision waited (a lost race, 409).
      if (!row) throw conflict('status', 'the member cancelled the check-in meanwhile (党员已撤销签到)');
      if (row.status !== 'pending') throw conflict('status', `the check-in is already ${row.status} (已审核)`);
      if (!row.checkedOutAt) throw conflict('status', 'the member has not checked out yet (尚未签退)');
      const unitId = row.member?.unit?.id ?? null;
      await moveIf(
        strapi,
        UID.checkIn,
        { id: row.id, status: 'pending' },
        {
          status: input.status,
          rating: input.rating ?? null,
          ratingComment: input.comment ?? null,
          verifiedAt: new Date(),
          verifiedBy: by,
        },
      );
      const decided = { documentId, status: input.status, rating: input.rating ?? null };
      if (input.status !== 'verified') return decided;
      const entries = [
        {
          points: round2((row.minutes / 60) * rules.pointsPerVerifiedHour),
          reason: `服务时长 ${row.minutes} 分钟`,
          source: 'verified_hours',
        },
        ...(input.rating
          ? [
              {
                points: round2(input.rating * rules.pointsPerRatingStar),
                reason: `服务评价 ${input.rating} 星`,
                source: 'rating',
              },
            ]
          : []),
      ];
      for (const e of entries) {
        await strapi.db.query(UID.points).create({
          data: {
            ...e,
            sourceRef: documentId,
            member: row.member?.id,
            unit: unitId,
            memberRef: row.member?.id,
            unitRef: unitId,
            year: row.year,
          },
        });
      }
      return decided;
    });
  },
});

const round2 = (n: number) => Math.round(n * 100) / 100;
