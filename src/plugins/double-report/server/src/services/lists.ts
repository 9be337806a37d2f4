import type { Core } from '@strapi/strapi';
import { UID } from './tables';
import { conflict, invalid, notFound } from './http-error';

const NEXT: Record<string, string[]> = { claimed: ['in_progress', 'done'], in_progress: ['done'] };

/** The three lists: claims by units, progress, and the public read of a community's open needs. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async claim(unit: any, documentId: string, now = new Date()) {
    const item: any = await strapi.db.query(UID.listItem as any).findOne({ where: { documentId }, populate: { community: true } });
    if (!item) throw notFound('list item: not found');
    if (item.type === 'resource') throw invalid('type', 'a resource is offered, not claimed (资源清单不可认领)');
    // Conditional update: only one unit can move an open item to claimed, even when two race.
    const { count } = await strapi.db
      .query(UID.listItem as any)
      .updateMany({ where: { id: item.id, status: 'open' }, data: { status: 'claimed', claimedAt: now, claimedYear: now.getUTCFullYear() } });
    if (!count) throw conflict(`status: the item is ${item.status}, only an open item can be claimed (已被认领)`);
    await strapi.documents(UID.listItem as any).update({ documentId, data: { claimedBy: unit.documentId } as any });
    return { documentId, status: 'claimed', claimedBy: { documentId: unit.documentId, name: unit.name } };
  },

  async progress(unit: any, documentId: string, status: 'in_progress' | 'done', now = new Date()) {
    const item: any = await strapi.db.query(UID.listItem as any).findOne({ where: { documentId }, populate: { claimedBy: true } });
    if (!item || item.claimedBy?.id !== unit.id) throw notFound('list item: not found among your claims');
    if (!(NEXT[item.status] ?? []).includes(status)) throw conflict(`status: ${item.status} → ${status} is not allowed (open → claimed → in_progress → done → evaluated)`);
    const rules = await strapi.plugin('double-report').service('rules').get();
    await strapi.db.transaction(async () => {
      await strapi.documents(UID.listItem as any).update({
        documentId,
        data: { status, ...(status === 'done' ? { doneAt: now.toISOString(), doneYear: now.getUTCFullYear() } : {}) } as any,
      });
      if (status === 'done' && rules.pointsPerItemDone > 0) {
        await strapi.db.query(UID.points as any).create({
          data: { points: rules.pointsPerItemDone, reason: `认领实事完成：${item.title}`, source: 'item_done', sourceRef: documentId, unit: unit.id, unitRef: unit.id, year: now.getUTCFullYear() },
        });
      }
    });
    return { documentId, status };
  },

  async publicNeeds(communityDocumentId: string) {
    const rows: any[] = await strapi.db.query(UID.listItem as any).findMany({
      where: { community: { documentId: communityDocumentId }, type: { $in: ['need', 'project'] }, status: 'open' },
      orderBy: { dueDate: 'asc' },
      limit: 200,
    });
    return rows.map((r) => ({ documentId: r.documentId, type: r.type, title: r.title, description: r.description ?? null, dueDate: r.dueDate ?? null, status: r.status }));
  },

  async publicActivities(communityDocumentId: string, now = new Date()) {
    const rows: any[] = await strapi.db.query(UID.activity as any).findMany({
      where: { community: { documentId: communityDocumentId }, endsAt: { $gte: now } },
      orderBy: { startsAt: 'asc' },
      limit: 200,
    });
    return rows.map((r) => ({ documentId: r.documentId, title: r.title, kind: r.kind, startsAt: r.startsAt, endsAt: r.endsAt, place: r.place ?? null, capacity: r.capacity ?? null }));
  },

  async board(communityDocumentId: string) {
    const rows: any[] = await strapi.db.query(UID.listItem as any).findMany({
      where: { community: { documentId: communityDocumentId } },
      populate: { claimedBy: true },
      orderBy: { id: 'asc' },
    });
    const shape = (r: any) => ({ documentId: r.documentId, title: r.title, status: r.status, dueDate: r.dueDate ?? null, claimedBy: r.claimedBy?.name ?? null, rating: r.rating ?? null });
    return {
      need: rows.filter((r) => r.type === 'need').map(shape),
      resource: rows.filter((r) => r.type === 'resource').map(shape),
      project: rows.filter((r) => r.type === 'project').map(shape),
    };
  },
});
