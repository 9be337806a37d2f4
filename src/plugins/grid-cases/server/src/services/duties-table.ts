import type { Core } from '@strapi/strapi';
import { countWhen, joinOf, knexOf, routeScope, tableOf, whereInScope } from '@grassroots/kit/server';
import { ON_THE_CLOCK, OPEN_STATUSES, ratio, type DutiesRow } from '../../../shared';
import { caseClock, inList, reportedIn } from '../sql';
import { GRID, REPRESENTATIVE } from '../uids';
import type { DutiesQuery } from '../validation';
import { readCounts, suggestionCounts } from './suggestion-counts';

/**
 * 代表委员履职: every representative in the caller's organisation with the counts of their suggestions
 * (suggestion-counts.ts, the statement of one representative's 履职, grouped) plus open and overdue, in
 * ONE statement: the suggestions are counted per representative first, then left-joined to the
 * representatives so that one who raised nothing is listed with zeros.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async table(q: DutiesQuery): Promise<DutiesRow[]> {
    const scope = await routeScope(strapi);
    const knex = knexOf(strapi);
    const repGrid = joinOf(strapi, REPRESENTATIVE, 'grid');
    const overdue = caseClock(strapi).overdue(new Date());
    const { query: counts, representative } = suggestionCounts(strapi);
    counts.groupBy(representative).select({
      rid: representative,
      open: countWhen(knex, inList('c.status', OPEN_STATUSES)),
      overdue: countWhen(knex, `${inList('c.status', ON_THE_CLOCK)} AND ${overdue.sql}`, overdue.bindings),
    });
    // The period is the reporting date in Shanghai, like /figures.
    reportedIn(counts, q);

    const query = knex({ p: tableOf(strapi, REPRESENTATIVE) })
      .leftJoin(counts.as('n'), 'n.rid', 'p.id')
      .leftJoin({ pg: repGrid.table }, `pg.${repGrid.own}`, 'p.id')
      .leftJoin({ t: tableOf(strapi, GRID) }, 't.id', `pg.${repGrid.other}`)
      .select({
        documentId: 'p.document_id',
        name: 'p.name',
        kind: 'p.kind',
        gridId: 't.document_id',
        gridName: 't.name',
      })
      .select(['n.raised', 'n.closed', 'n.rated', 'n.satisfied', 'n.open', 'n.overdue'])
      .orderByRaw('COALESCE(n.raised, 0) DESC, p.name ASC, p.id ASC');
    whereInScope(query, strapi, scope, 'p', REPRESENTATIVE);
    const rows = (await query) as Array<Record<string, unknown>>;
    return rows.map((r) => {
      const counted = readCounts(r);
      return {
        documentId: String(r.documentId),
        name: String(r.name),
        kind: String(r.kind),
        grid: r.gridId ? { documentId: String(r.gridId), name: String(r.gridName ?? '') } : null,
        ...counted,
        open: Number(r.open ?? 0),
        overdue: Number(r.overdue ?? 0),
        closedRate: ratio(counted.closed, counted.raised),
        satisfactionRate: ratio(counted.satisfied, counted.rated),
      };
    });
  },
});
