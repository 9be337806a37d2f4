import type { Core } from '@strapi/strapi';
import { UID } from '../uids';
import { conflict, httpCache, notFound } from '@grassroots/kit/server';
import { getService } from '../get-service';

interface ItemRow {
  id: number;
  title: string;
  status: string;
  doneYear: number | null;
  claimedBy?: { id: number } | null;
}

/** Community staff rate a unit's finished work on a claimed item: done → evaluated, points by the rule set. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async evaluate(documentId: string, input: { rating: number; comment?: string }, by: string, now = new Date()) {
    const item: ItemRow | null = await strapi.db
      .query(UID.listItem)
      .findOne({ where: { documentId }, populate: { claimedBy: true } });
    if (!item) throw notFound('list item', '清单事项');
    if (item.status !== 'done')
      throw conflict(
        'status',
        `only a done item can be evaluated, this one is ${item.status} (open → claimed → in_progress → done → evaluated) (只有已完成的事项可以评价)`,
      );
    const rules = await getService(strapi, 'rules').get();
    const unitId = item.claimedBy?.id ?? null;
    const points = Math.round(input.rating * rules.pointsPerItemRatingStar * 100) / 100;
    await strapi.db.transaction(async () => {
      // Conditional update: of two evaluations racing, one wins and the other is a 409.
      const { count } = await strapi.db.query(UID.listItem).updateMany({
        where: { id: item.id, status: 'done' },
        data: {
          status: 'evaluated',
          rating: input.rating,
          ratingComment: input.comment ?? null,
          evaluatedAt: now,
          evaluatedBy: by,
        },
      });
      if (!count) throw conflict('status', 'the item was evaluated meanwhile (已评价)');
      // A raw write to list items: their cache scope moves with it (one rule for every write, however rare).
      await httpCache(strapi).touch([UID.listItem]);
      if (points > 0 && unitId) {
        await strapi.db.query(UID.points).create({
          data: {
            points,
            reason: `清单事项评价 ${input.rating} 星：${item.title}`.slice(0, 200),
            source: 'rating',
            sourceRef: documentId,
            unit: unitId,
            unitRef: unitId,
            year: item.doneYear ?? now.getUTCFullYear(),
          },
        });
      }
    });
    return { documentId, status: 'evaluated', rating: input.rating, comment: input.comment ?? null, points };
  },
});
