import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { countWhen, joinOf, knexOf, routeScope, tableOf, whereInScope } from '@grassroots/kit/server';
import { ratio, type FiguresRow } from '../../../shared';
import { reportedIn, satisfiedSql } from '../sql';
import { BRANCH, GRID, UID } from '../uids';
import type { FiguresQuery } from '../validation';

/**
 * 三率 for the cases reported in a period, grouped by grid, community, street, owner or category,
 * in ONE SQL statement (both dialects) over the covering scope + reported_at indexes of case/schema.ts:
 * - 响应率 responded: handled by the deadline in force / dispatched;
 * - 解决率 resolved: archived / accepted;
 * - 满意率 satisfied: satisfied or basically satisfied / rated.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The staff route: the caller's organisation scope applies. */
  async threeRates(q: FiguresQuery) {
    const scope = await routeScope(strapi);
    return rates(strapi, q, (query) => whereInScope(query, strapi, scope, 'c', UID.case));
  },
  /**
   * One branch (a community, or a street with its communities) over a calendar year, for star-scoring's
   * metrics registry: the same statement, restricted by the branch's scope columns.
   */
  async ofBranch(branchDocumentId: string, year: number) {
    const [row] = await rates(
      strapi,
      { by: 'owner', from: `${year}-01-01`, to: `${year}-12-31` },
      (query) =>
        query.where((w) => w.where('c.scope_community', branchDocumentId).orWhere('c.scope_street', branchDocumentId)),
      true,
    );
    return row;
  },
});

/** 三率 in one statement; `restrict` narrows the rows, `whole` answers one group over all of them. */
async function rates(
  strapi: Core.Strapi,
  q: FiguresQuery,
  restrict: (query: Knex.QueryBuilder) => unknown,
  whole = false,
): Promise<FiguresRow[]> {
  const knex = knexOf(strapi);
  const cases = tableOf(strapi, UID.case);
  // Aggregate first (over the covering scope indexes: index-only on PostgreSQL), name the groups after:
  // the labels join a few grouped rows, not every case of the period.
  const inner = reportedIn(knex({ c: cases }), q).andWhereNot('c.status', 'merged');
  restrict(inner);

  let groups: string[] = [];
  let name: (outer: Knex.QueryBuilder) => { key: string | Knex.Raw; label: string | Knex.Raw } = () => ({
    key: knex.raw('NULL'),
    label: knex.raw('NULL'),
  });
  if (whole) {
    // one row over every case of the restriction: no groups, no names
  } else if (q.by === 'grid' || q.by === 'category') {
    const rel = joinOf(strapi, UID.case, q.by);
    const target = tableOf(strapi, q.by === 'grid' ? GRID : UID.category);
    inner.leftJoin({ l: rel.table }, `l.${rel.own}`, 'c.id');
    groups = [`l.${rel.other}`];
    name = (outer) => {
      outer.leftJoin({ t: target }, 't.id', 'a.g1');
      return { key: 't.document_id', label: 't.name' };
    };
  } else if (q.by === 'owner') {
    groups = ['c.owner_kind', 'c.owner_name'];
    name = () => ({ key: 'a.g1', label: 'a.g2' });
  } else {
    groups = [`c.${q.by === 'community' ? 'scope_community' : 'scope_street'}`];
    name = (outer) => {
      outer.leftJoin({ b: tableOf(strapi, BRANCH) }, 'b.document_id', 'a.g1');
      return { key: 'a.g1', label: 'b.name' };
    };
  }
  const sum = (condition: string, bindings: unknown[] = []) => countWhen(knex, condition, bindings);
  if (groups.length) inner.select(Object.fromEntries(groups.map((g, i) => [`g${i + 1}`, g]))).groupBy(groups);
  inner.select({
    reported: knex.raw('COUNT(*)'),
    accepted: sum('c.accepted_at IS NOT NULL'),
    dispatched: sum('c.dispatched_at IS NOT NULL'),
    responded: sum('c.handled_on_time = ?', [true]),
    archived: sum(`c.status = 'archived'`),
    rated: sum('c.satisfaction IS NOT NULL'),
    satisfied: sum(satisfiedSql()),
  });
  const outer = knex.from(inner.as('a'));
  const { key, label } = name(outer);
  const rows: Array<Record<string, unknown>> = await outer
    .select({ key, name: label })
    .select(['a.reported', 'a.accepted', 'a.dispatched', 'a.responded', 'a.archived', 'a.rated', 'a.satisfied'])
    .orderBy('a.reported', 'desc');
  return rows.map((r) => {
    const n = (k: string) => Number(r[k] ?? 0);
    return {
      key: r.key === null || r.key === undefined ? null : String(r.key),
      name: r.name === null || r.name === undefined ? null : String(r.name),
      reported: n('reported'),
      accepted: n('accepted'),
      dispatched: n('dispatched'),
      responded: n('responded'),
      archived: n('archived'),
      rated: n('rated'),
      satisfied: n('satisfied'),
      responseRate: ratio(n('responded'), n('dispatched')),
      resolutionRate: ratio(n('archived'), n('accepted')),
      satisfactionRate: ratio(n('satisfied'), n('rated')),
    };
  });
}
