import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { columnOf, joinOf, knexOf, tableOf, whereInScope, type RouteScope } from '@grassroots/kit/server';
import type { Area } from '../area';
import { whereInNode } from '../area';
import { COMPOUND, UID } from '../../uids';

/** What every layer query needs: the connection, the caller's scope and the area asked for. */
export interface LayerContext {
  strapi: Core.Strapi;
  knex: Knex;
  scope: RouteScope;
  area: Area;
}

export const layerContext = (strapi: Core.Strapi, scope: RouteScope, area: Area): LayerContext => ({
  strapi,
  knex: knexOf(strapi),
  scope,
  area,
});

/** Keeps rows of `uid` (aliased) inside the caller's organisation and the area's node. */
export const inScopeAndNode = (c: LayerContext, q: Knex.QueryBuilder, alias: string, uid: string) =>
  whereInNode(whereInScope(q, c.strapi, c.scope, alias, uid), c.strapi, c.area, alias, uid);

/** `<table> as <alias>` of a uid. */
export const from = (c: LayerContext, uid: string, alias: string) => `${tableOf(c.strapi, uid)} as ${alias}`;
export const col = (c: LayerContext, uid: string, alias: string, attribute: string) =>
  `${alias}.${columnOf(c.strapi, uid, attribute)}`;

/** Ids of the buildings in the area's grids: the building names the grid, or its compound does. */
export function buildingsInGrids(c: LayerContext, gridIds: number[]): Knex.QueryBuilder {
  const byGrid = joinOf(c.strapi, UID.building, 'grid');
  const byCompound = joinOf(c.strapi, UID.building, 'compound');
  const compoundGrid = joinOf(c.strapi, COMPOUND, 'grid');
  return c
    .knex(byGrid.table)
    .select(byGrid.own)
    .whereIn(byGrid.other, gridIds)
    .union((u) =>
      u
        .select(`bc.${byCompound.own}`)
        .from(`${byCompound.table} as bc`)
        .join(`${compoundGrid.table} as cg`, `cg.${compoundGrid.own}`, `bc.${byCompound.other}`)
        .whereIn(`cg.${compoundGrid.other}`, gridIds),
    );
}

/** A stored float as a number (PostgreSQL's avg of a float is a double; SQLite may hand back text). */
export const num = (v: unknown): number => Math.round(Number(v) * 1e7) / 1e7;
