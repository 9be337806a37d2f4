import type { Core } from '@strapi/strapi';
import { epochMs, joinOf, knexOf, routeScope, tableOf, whereInScope } from '@grassroots/kit/server';
import { endOfShanghaiDay, ON_THE_CLOCK, OPEN_STATUSES } from '../../../shared';
import { GRID, UID } from '../uids';
import type { DutiesQuery } from '../validation';

const REPRESENTATIVE = 'api::representative.representative';
const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** One representative's line of the 履职 table. */
export interface DutiesRow {
  documentId: string;
  name: string;
  kind: string;
  grid: { documentId: string; name: string } | null;
  raised: number;
  closed: number;
  rated: number;
  satisfied: number;
  open: number;
  overdue: number;
  closedRate: number | null;
  satisfactionRate: number | null;
}

/**
 * 代表委员履职: every representative in the caller's organisation with the counts of their suggestions
 * (the same conditions as services/duties.ts for one representative), in ONE statement: the suggestions
 * are counted per representative first, then left-joined to the representatives so that one who raised
 * nothing is listed with zeros.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async table(q: DutiesQuery): Promise<DutiesRow[]> {
    const scope = await routeScope(strapi);
    const knex = knexOf(strapi);
    const reporter = joinOf(strapi, UID.case, 'reporter');
    const account = joinOf(strapi, UID.account, 'account');
    const rep = joinOf(strapi, UID.account, 'representative');
    const repGrid = joinOf(strapi, REPRESENTATIVE, 'grid');
    const sum = (cond: string, bindings: unknown[] = []) =>
      knex.raw(`SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`, bindings as never);

    const counts = knex({ c: tableOf(strapi, UID.case) })
      .join({ r: reporter.table }, `r.${reporter.own}`, 'c.id')
      .join({ a: account.table }, `a.${account.other}`, `r.${reporter.other}`)
      .join({ g: rep.table }, `g.${rep.own}`, `a.${account.own}`)
      .where('c.source', 'representatives')
      .andWhereNot('c.status', 'merged')
      .groupBy(`g.${rep.other}`)
      .select({
        rid: `g.${rep.other}`,
        raised: knex.raw('COUNT(*)'),
        closed: sum(`c.status = 'archived'`),
        rated: sum('c.satisfaction IS NOT NULL'),
        satisfied: sum(`c.satisfaction IN ('satisfied', 'basically')`),
        open: sum(`c.status IN (${list(OPEN_STATUSES)})`),
        overdue: sum(`c.status IN (${list(ON_THE_CLOCK)}) AND ${epochMs(strapi, 'c.due_at')} < ?`, [Date.now()]),
      });
    // The period is the reporting date in Shanghai, like /figures.
    if (q.from) counts.andWhere('c.reported_at', '>=', new Date(endOfShanghaiDay(q.from).getTime() + 1 - 86_400_000));
    if (q.to) counts.andWhere('c.reported_at', '<', new Date(endOfShanghaiDay(q.to).getTime() + 1));

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
      const n = (k: string) => Number(r[k] ?? 0);
      return {
        documentId: String(r.documentId),
        name: String(r.name),
        kind: String(r.kind),
        grid: r.gridId ? { documentId: String(r.gridId), name: String(r.gridName ?? '') } : null,
        raised: n('raised'),
        closed: n('closed'),
        rated: n('rated'),
        satisfied: n('satisfied'),
        open: n('open'),
        overdue: n('overdue'),
        closedRate: ratio(n('closed'), n('raised')),
        satisfactionRate: ratio(n('satisfied'), n('rated')),
      };
    });
  },
});
