import type { Core } from '@strapi/strapi';
import { canMove } from '@grassroots/kit/shared';
import { conflict, documentData, httpCache, invalid, moveIf, notFound } from '@grassroots/kit/server';
import { UID } from '../uids';
import { ITEM_FLOW, ITEM_PATH } from '../domain/list-item-flow';
import { getService } from '../get-service';
import type { UnitRef } from './actors';

interface ListItemRow {
  id: number;
  documentId: string;
  type: 'need' | 'resource' | 'project';
  title: string;
  description?: string | null;
  status: string;
  dueDate?: string | null;
  rating?: number | null;
  claimedBy?: { id: number; name: string } | null;
}
interface ActivityRow {
  documentId: string;
  title: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  place?: string | null;
  capacity?: number | null;
}

/** The three lists: claims by units, progress, and the public read of a community's open needs. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async claim(unit: UnitRef, documentId: string, now = new Date()) {
    const item: ListItemRow | null = await strapi.db.query(UID.listItem).findOne({ where: { documentId } });
    if (!item) throw notFound('list item', '清单事项');
    if (item.type === 'resource') throw invalid('type', 'a resource is offered, not claimed (资源清单不可认领)');
    await strapi.db.transaction(async () => {
      // Conditional update: only one unit can move an open item to claimed, even when two race.
      const { count } = await strapi.db.query(UID.listItem).updateMany({
        where: { id: item.id, status: 'open' },
        data: { status: 'claimed', claimedAt: now, claimedYear: now.getUTCFullYear() },
      });
      if (!count) throw conflict('status', `the item is ${item.status}, only an open item can be claimed (已被认领)`);
      await strapi
        .documents(UID.listItem)
        .update({ documentId, data: documentData(UID.listItem, { claimedBy: unit.documentId }) });
      // The claimed item leaves the public needs list: the next read must not get the old copy.
      await httpCache(strapi).touch([UID.listItem]);
    });
    return { documentId, status: 'claimed', claimedBy: { documentId: unit.documentId, name: unit.name } };
  },

  async progress(unit: UnitRef, documentId: string, status: 'in_progress' | 'done', now = new Date()) {
    const item: ListItemRow | null = await strapi.db
      .query(UID.listItem)
      .findOne({ where: { documentId }, populate: { claimedBy: true } });
    if (!item || item.claimedBy?.id !== unit.id)
      throw notFound('list item (among your claims)', '本单位认领的清单事项');
    if (item.status === 'open' || !canMove(ITEM_FLOW, item.status, status))
      throw conflict('status', `${item.status} → ${status} is not allowed (${ITEM_PATH}) (事项状态不能这样变更)`);
    const rules = await getService(strapi, 'rules').get();
    await strapi.db.transaction(async () => {
      // Conditional on the state the move was checked from: of two "done" at once, one wins, the other is a 409.
      await moveIf(
        strapi,
        UID.listItem,
        { id: item.id, status: item.status },
        { status, ...(status === 'done' ? { doneAt: now, doneYear: now.getUTCFullYear() } : {}) },
        conflict('status', `the item is no longer ${item.status} (已被更新)`),
      );
      await httpCache(strapi).touch([UID.listItem]);
      if (status === 'done' && rules.pointsPerItemDone > 0) {
        await strapi.db.query(UID.points).create({
          data: {
            points: rules.pointsPerItemDone,
            reason: `认领实事完成：${item.title}`,
            source: 'item_done',
            sourceRef: documentId,
            unit: unit.id,
            unitRef: unit.id,
            year: now.getUTCFullYear(),
          },
        });
      }
    });
    return { documentId, status };
  },

  /** Public (cached, cache.ts): open needs and projects, never the claimant, the evaluation or the evaluator. */
  async publicNeeds(communityDocumentId: string) {
    const rows: ListItemRow[] = await strapi.db.query(UID.listItem).findMany({
      where: { community: { documentId: communityDocumentId }, type: { $in: ['need', 'project'] }, status: 'open' },
      orderBy: { dueDate: 'asc' },
      limit: 200,
    });
    return rows.map((r) => ({
      documentId: r.documentId,
      type: r.type,
      title: r.title,
      description: r.description ?? null,
      dueDate: r.dueDate ?? null,
      status: r.status,
    }));
  },

  /** Public (cached, cache.ts) and staff: activities not yet over, without location or QR token. */
  async publicActivities(communityDocumentId: string, now = new Date()) {
    const rows: ActivityRow[] = await strapi.db.query(UID.activity).findMany({
      where: { community: { documentId: communityDocumentId }, endsAt: { $gte: now } },
      orderBy: { startsAt: 'asc' },
      limit: 200,
    });
    return rows.map((r) => ({
      documentId: r.documentId,
      title: r.title,
      kind: r.kind,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      place: r.place ?? null,
      capacity: r.capacity ?? null,
    }));
  },

  async board(communityDocumentId: string) {
    const rows: ListItemRow[] = await strapi.db.query(UID.listItem).findMany({
      where: { community: { documentId: communityDocumentId } },
      populate: { claimedBy: true },
      orderBy: { id: 'asc' },
    });
    const shape = (r: ListItemRow) => ({
      documentId: r.documentId,
      title: r.title,
      status: r.status,
      dueDate: r.dueDate ?? null,
      claimedBy: r.claimedBy?.name ?? null,
      rating: r.rating ?? null,
    });
    const of = (type: ListItemRow['type']) => rows.filter((r) => r.type === type).map(shape);
    return { need: of('need'), resource: of('resource'), project: of('project') };
  },
});
