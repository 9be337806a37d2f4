import type { Core } from '@strapi/strapi';
import { forbidden, notFound } from '@grassroots/kit/server';
import { UID } from '../uids';
import { memberOfAccount } from '../accounts';
import { NOT_LINKED, type MemberRef } from '../domain/check-in-rules';

/** A reporting unit as the services read it. */
export interface UnitRef {
  id: number;
  documentId: string;
  name: string;
}

/** Maps a logged-in account to the member or unit it speaks for. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The member behind the account (accounts.ts answers, the same way everywhere); none → 403. */
  async memberOf(userId: number): Promise<MemberRef> {
    const m = await memberOfAccount(strapi, userId);
    if (!m) throw forbidden(NOT_LINKED, 'account');
    return m;
  },
  async unitOf(userId: number): Promise<UnitRef> {
    const u: UnitRef | null = await strapi.db
      .query(UID.unit)
      .findOne({ where: { account: { id: userId } }, select: ['id', 'documentId', 'name'] });
    if (!u) throw forbidden('account: not linked to a reporting unit (账号未关联报到单位)', 'account');
    return u;
  },
  /** The caller's unit, provided it is the one named in the path; another unit's path is a 404 (no existence leak). */
  async ownUnit(userId: number, documentId: string): Promise<UnitRef> {
    const u = await this.unitOf(userId);
    if (u.documentId !== documentId) throw notFound('unit', '报到单位');
    return u;
  },
});
