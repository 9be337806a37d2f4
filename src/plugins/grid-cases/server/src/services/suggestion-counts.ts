import type { Core } from '@strapi/strapi';
import { countWhen, joinOf, knexOf, tableOf } from '@grassroots/kit/server';
import type { SuggestionCounts } from '../../../shared';
import { satisfiedSql } from '../sql';
import { UID } from '../uids';

/**
 * 履职's one statement, shared by one representative's answer (duties.ts) and the table of all of them
 * (duties-table.ts): the suggestions are the cases of source 代表委员建议 (merged ones left out), joined
 * cases ⋈ reporter ⋈ grid account ⋈ representative, counted raised / closed (archived) / rated /
 * satisfied. The caller narrows or groups by `representative`, the column of the representative's id.
 */
export function suggestionCounts(strapi: Core.Strapi) {
  const knex = knexOf(strapi);
  const reporter = joinOf(strapi, UID.case, 'reporter');
  const account = joinOf(strapi, UID.account, 'account');
  const rep = joinOf(strapi, UID.account, 'representative');
  const query = knex({ c: tableOf(strapi, UID.case) })
    .join({ r: reporter.table }, `r.${reporter.own}`, 'c.id')
    .join({ a: account.table }, `a.${account.other}`, `r.${reporter.other}`)
    .join({ g: rep.table }, `g.${rep.own}`, `a.${account.own}`)
    .where('c.source', 'representatives')
    .andWhereNot('c.status', 'merged')
    .select({
      raised: knex.raw('COUNT(*)'),
      closed: countWhen(knex, `c.status = 'archived'`),
      rated: countWhen(knex, 'c.satisfaction IS NOT NULL'),
      satisfied: countWhen(knex, satisfiedSql()),
    });
  return { query, representative: `g.${rep.other}` };
}

/** The counts of a row of that statement (absent, for a representative who raised nothing: zeros). */
export const readCounts = (row: Record<string, unknown> | undefined): SuggestionCounts => {
  const n = (k: keyof SuggestionCounts) => Number(row?.[k] ?? 0);
  return { raised: n('raised'), closed: n('closed'), rated: n('rated'), satisfied: n('satisfied') };
};
