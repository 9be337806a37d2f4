import type { Core } from '@strapi/strapi';
import { UID } from '../uids';
import { conflict, notFound } from '@grassroots/kit/server';

interface PointsRow {
  points: number | string;
  reason: string;
  source: string;
  memberRef: number | null;
  unitRef: number | null;
  year: number;
}

// Ledger sources a verified check-in produces (services/verification.ts).
const CHECK_IN_SOURCES = ['verified_hours', 'rating'];

/**
 * Revoking a verified check-in (e.g. attendance found to be false after points were given).
 * The ledger is never edited: every row the check-in produced gets a compensating `reversal` row,
 * whose sourceRef "<source>:<documentId>" is unique, so a row can be reversed only once even when
 * two staff click at the same moment.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async revokeCheckIn(documentId: string, reason: string, by: string, now = new Date()) {
    const row: { id: number; status: string } | null = await strapi.db
      .query(UID.checkIn)
      .findOne({ where: { documentId } });
    if (!row) throw notFound('check-in', '签到记录');
    if (row.status !== 'verified')
      throw conflict(
        'status',
        `only a verified check-in can be revoked, this one is ${row.status} (仅可撤销已审核通过的签到)`,
      );
    return strapi.db.transaction(async () => {
      const { count } = await strapi.db.query(UID.checkIn).updateMany({
        where: { id: row.id, status: 'verified' },
        data: { status: 'rejected', verifiedAt: now, verifiedBy: by },
      });
      if (!count) throw conflict('status', 'the check-in was revoked meanwhile (已撤销)');
      const entries: PointsRow[] = await strapi.db
        .query(UID.points)
        .findMany({ where: { sourceRef: documentId, source: { $in: CHECK_IN_SOURCES } } });
      const reversals = [];
      for (const e of entries) {
        const points = -Number(e.points);
        await strapi.db.query(UID.points).create({
          data: {
            points,
            reason: `撤销签到（${reason}）：冲回「${e.reason}」`.slice(0, 200),
            source: 'reversal',
            sourceRef: `${e.source}:${documentId}`,
            member: e.memberRef ?? null,
            unit: e.unitRef ?? null,
            memberRef: e.memberRef ?? null,
            unitRef: e.unitRef ?? null,
            year: e.year,
          },
        });
        reversals.push({ source: e.source, points });
      }
      return { documentId, status: 'rejected', reversals };
    });
  },
});
