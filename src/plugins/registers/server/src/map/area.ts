import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  COLUMN_OF_LEVEL,
  columnOf,
  invalid,
  isScopeLevel,
  joinOf,
  knexOf,
  requireInScope,
  tableOf,
  type ScopeAttribute,
} from '@grassroots/kit/server';
import { BRANCH, GRID } from '../uids';

/**
 * Where a map looks (`within`): below a county, street or community node (one indexed equality on
 * that scope column, like the caller's own scope), or inside a grid and its secondary grids.
 */
export type Area =
  | { kind: 'all' }
  | { kind: 'node'; column: ScopeAttribute; documentId: string; level: string; name: string }
  | { kind: 'grid'; gridIds: number[]; documentId: string; name: string };

/** Resolves `within` (400 naming it when it is no grid or area node; 403 when outside the caller's organisation). */
export async function resolveArea(strapi: Core.Strapi, within: string | undefined): Promise<Area> {
  if (!within) return { kind: 'all' };
  const knex = knexOf(strapi);
  const grid = (await knex(tableOf(strapi, GRID))
    .select('id', 'name')
    .where(columnOf(strapi, GRID, 'documentId'), within)
    .first()) as { id: number; name: string } | undefined;
  if (grid) {
    await requireInScope(strapi, GRID, within, 'within');
    const parent = joinOf(strapi, GRID, 'parent');
    const children = (await knex(parent.table).select(parent.own).where(parent.other, grid.id)) as Array<
      Record<string, number>
    >;
    return {
      kind: 'grid',
      gridIds: [grid.id, ...children.map((c) => Number(c[parent.own]))],
      documentId: within,
      name: grid.name,
    };
  }
  const node = (await knex(tableOf(strapi, BRANCH))
    .select('name', 'level')
    .where(columnOf(strapi, BRANCH, 'documentId'), within)
    .first()) as { name: string; level: string } | undefined;
  if (!node) throw invalid('within', 'no grid or party organisation has this documentId (没有该网格或党组织)');
  if (!isScopeLevel(node.level))
    throw invalid('within', 'must be a grid, a community, a street or the county (只能按网格、社区、街道或县查看地图)');
  await requireInScope(strapi, BRANCH, within, 'within');
  return { kind: 'node', column: COLUMN_OF_LEVEL[node.level], documentId: within, level: node.level, name: node.name };
}

/** `alias.<scope column> = node` of a governed type when the area is a node (grids are filtered per layer). */
export function whereInNode(q: Knex.QueryBuilder, strapi: Core.Strapi, area: Area, alias: string, uid: string) {
  return area.kind === 'node' ? q.where(`${alias}.${columnOf(strapi, uid, area.column)}`, area.documentId) : q;
}
