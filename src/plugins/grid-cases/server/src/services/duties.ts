import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { forbidden, joinOf, knexOf, notFound, requireInScope, tableOf } from '@grassroots/kit/server';
import { UID } from '../uids';
import { caseRows, caseView } from './rows';

const REPRESENTATIVE = 'api::representative.representative';

/**
 * 履职: a representative's suggestions (source 代表委员建议) are the cases reported through the grid
 * accounts (kind representative) linked to their representative record.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** raised / closed (archived) / satisfied, in ONE statement: cases ⋈ reporter ⋈ grid account ⋈ representative. */
  async function figures(representativeId: number) {
    const knex = knexOf(strapi);
    const reporter = joinOf(strapi, UID.case, 'reporter');
    const account = joinOf(strapi, UID.account, 'account');
    const rep = joinOf(strapi, UID.account, 'representative');
    const sum = (cond: string) => knex.raw(`SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`);
    const [row] = (await knex({ c: tableOf(strapi, UID.case) })
      .join({ r: reporter.table }, `r.${reporter.own}`, 'c.id')
      .join({ a: account.table }, `a.${account.other}`, `r.${reporter.other}`)
      .join({ g: rep.table }, `g.${rep.own}`, `a.${account.own}`)
      .where(`g.${rep.other}`, representativeId)
      .andWhere('c.source', 'representatives')
      .andWhereNot('c.status', 'merged')
      .select({
        raised: knex.raw('COUNT(*)'),
        closed: sum(`c.status = 'archived'`),
        rated: sum('c.satisfaction IS NOT NULL'),
        satisfied: sum(`c.satisfaction IN ('satisfied', 'basically')`),
      })) as Array<Record<string, unknown>>;
    const n = (k: string) => Number(row?.[k] ?? 0);
    return { raised: n('raised'), closed: n('closed'), rated: n('rated'), satisfied: n('satisfied') };
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
