import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { forbidden, notFound, requireInScope } from '@grassroots/kit/server';
import { REPRESENTATIVE, UID } from '../uids';
import { caseRows, caseView } from './rows';
import { readCounts, suggestionCounts } from './suggestion-counts';

/**
 * 履职: a representative's suggestions (source 代表委员建议) are the cases reported through the grid
 * accounts (kind representative) linked to their representative record.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** raised / closed (archived) / rated / satisfied, in ONE statement (suggestion-counts.ts). */
  async function figures(representativeId: number) {
    const { query, representative } = suggestionCounts(strapi);
    const [row] = (await query.where(representative, representativeId)) as Array<Record<string, unknown>>;
    return readCounts(row);
  }

  /** The suggestions themselves, newest first (the accounts linked to the representative reported them). */
  async function suggestions(representativeId: number) {
    const accounts = (await strapi.db.query(UID.account).findMany({
      where: { representative: { id: representativeId } },
      populate: { account: { select: ['id'] } },
    })) as Array<{ account?: { id: number } | null }>;
    const users = accounts.map((a) => a.account?.id).filter((id): id is number => !!id);
    if (!users.length) return [];
    const rows = await caseRows(
      strapi,
      { source: 'representatives', status: { $ne: 'merged' }, reporter: { id: { $in: users } } },
      [{ reportedAt: 'desc' }, { id: 'desc' }],
      500,
    );
    return rows.map(caseView);
  }

  async function duties(representative: { id: number; documentId: string; name: string }) {
    const [counts, cases] = await Promise.all([figures(representative.id), suggestions(representative.id)]);
    return {
      representative: { documentId: representative.documentId, name: representative.name },
      counts,
      cases,
    };
  }

  return {
    /** GET /api/grid-cases/me/duties: the signed-in representative's own record. */
    async mine(userId: number) {
      const account = (await strapi.db.query(UID.account).findOne({
        where: { account: { id: userId }, kind: 'representative' },
        populate: { representative: { select: ['id', 'documentId', 'name'] } },
      })) as { representative?: { id: number; documentId: string; name: string } | null } | null;
      if (!account?.representative)
        throw forbidden(
          "representative: not a representative's grid account (不是两代表一委员的网格通账号)",
          'representative',
        );
      return duties(account.representative);
    },
    /** GET /grid-cases/representatives/:documentId/duties: staff, within their organisation. */
    async ofRepresentative(documentId: string) {
      await requireInScope(strapi, REPRESENTATIVE, documentId, 'representative');
      const rep = (await strapi.db
        .query(REPRESENTATIVE as StrapiUID.Schema)
        .findOne({ where: { documentId }, select: ['id', 'documentId', 'name'] })) as {
        id: number;
        documentId: string;
        name: string;
      } | null;
      if (!rep) throw notFound('representative', '代表委员');
      return duties(rep);
    },
  };
};
