import type { Core } from '@strapi/strapi';
import { UID } from './tables';
import { forbidden, notFound } from './http-error';

/** Maps a logged-in account to the member or unit it speaks for. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async memberOf(userId: number) {
    const m: any = await strapi.db.query(UID.member as any).findOne({ where: { account: { id: userId } }, populate: { unit: true, community: true } });
    if (!m) throw forbidden('account: not linked to a reported member (账号未关联在职党员)');
    return m;
  },
  async unitOf(userId: number) {
    const u: any = await strapi.db.query(UID.unit as any).findOne({ where: { account: { id: userId } }, populate: { community: true } });
    if (!u) throw forbidden('account: not linked to a reporting unit (账号未关联报到单位)');
    return u;
  },
  /** The caller's unit, provided it is the one named in the path; another unit's path is a 404 (no existence leak). */
  async ownUnit(userId: number, documentId: string) {
    const u = await this.unitOf(userId);
    if (u.documentId !== documentId) throw notFound('unit: not found');
    return u;
  },
});
