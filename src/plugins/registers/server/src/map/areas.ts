import type { Core } from '@strapi/strapi';
import { SCOPE_LEVELS, joinOf, knexOf, routeScope, tableOf, whereInScope } from '@grassroots/kit/server';
import { BRANCH, GRID } from '../uids';
import { col, layerContext } from './layers/context';

export interface MapArea {
  documentId: string;
  kind: string;
  name: string;
  parent: string | null;
}

/**
 * What the map page offers to pick (`within`): the county, street and community nodes and the grids
 * inside the caller's organisation, each with its parent (a grid's is its branch). One statement.
 */
export async function mapAreas(strapi: Core.Strapi): Promise<MapArea[]> {
  const scope = await routeScope(strapi);
  const c = layerContext(strapi, scope, { kind: 'all' });
  const k = knexOf(strapi);
  const parent = joinOf(strapi, BRANCH, 'parent');
  const gridBranch = joinOf(strapi, GRID, 'branch');
  const nodes = k
    .select({
      documentId: col(c, BRANCH, 'b', 'documentId'),
      kind: col(c, BRANCH, 'b', 'level'),
      name: col(c, BRANCH, 'b', 'name'),
      parent: col(c, BRANCH, 'p', 'documentId'),
    })
    .from(`${tableOf(strapi, BRANCH)} as b`)
    .leftJoin(`${parent.table} as bp`, `bp.${parent.own}`, 'b.id')
    .leftJoin(`${tableOf(strapi, BRANCH)} as p`, 'p.id', `bp.${parent.other}`)
    .whereIn(col(c, BRANCH, 'b', 'level'), [...SCOPE_LEVELS]);
  whereInScope(nodes, strapi, scope, 'b', BRANCH);
  const grids = k
    .select({
      documentId: col(c, GRID, 'g', 'documentId'),
      kind: k.raw('?', ['grid']),
      name: col(c, GRID, 'g', 'name'),
      parent: col(c, BRANCH, 'p', 'documentId'),
    })
    .from(`${tableOf(strapi, GRID)} as g`)
    .leftJoin(`${gridBranch.table} as gb`, `gb.${gridBranch.own}`, 'g.id')
    .leftJoin(`${tableOf(strapi, BRANCH)} as p`, 'p.id', `gb.${gridBranch.other}`)
    .whereIn(col(c, GRID, 'g', 'level'), ['base', 'dedicated']);
  whereInScope(grids, strapi, scope, 'g', GRID);
  const rows = (await nodes.unionAll([grids])) as MapArea[];
  const order = (kind: string) => [...SCOPE_LEVELS, 'grid'].indexOf(kind);
  return rows
    .map((r) => ({ documentId: r.documentId, kind: r.kind, name: r.name, parent: r.parent ?? null }))
    .sort((a, b) => order(a.kind) - order(b.kind) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
}
