import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { columnOf } from '../db';
import { requestFieldLabel } from '../../shared/refusal';
import { forbidden, invalid, notFound } from '../errors';
import { followRelations } from './compute';
import { currentAdmin, organisationOf, scopeFilter, scopeRegistry, unassigned } from './organisation';
import { SCOPE_ATTRIBUTES, type ScopeAttribute } from './types';

/**
 * The caller's organisation scope as a plugin's admin route applies it: the same scopeFilter the
 * Content Manager's condition uses, for the administrator behind the current request. Outside an
 * admin request (the seed, scheduled jobs) nothing is filtered: those callers are not staff.
 */
export type RouteScope = { all: true } | { none: true } | { column: ScopeAttribute; node: string };

export async function routeScope(strapi: Core.Strapi): Promise<RouteScope> {
  const admin = currentAdmin(strapi);
  if (!admin) return { all: true };
  const filter = await scopeFilter(strapi, admin);
  if (filter === true) return { all: true };
  // Like the Content Manager (which grants an unassigned administrator no read at all): a 403 that says why, not empty pages.
  if (filter === false) throw unassigned();
  const column = SCOPE_ATTRIBUTES.find((c) => filter[c]);
  return column ? { column, node: filter[column]!.$eq } : { none: true };
}

/** A Query Engine / Document Service `where` on a governed type that keeps only in-scope rows. */
export function scopeWhere(scope: RouteScope): Record<string, unknown> {
  if ('all' in scope) return {};
  if ('none' in scope) return { id: { $null: true } };
  return { [scope.column]: { $eq: scope.node } };
}

/** The same on a knex query: `alias.<scope column> = node` of the governed type `uid`. */
export function whereInScope(q: Knex.QueryBuilder, strapi: Core.Strapi, scope: RouteScope, alias: string, uid: string) {
  if ('all' in scope) return q;
  if ('none' in scope) return q.whereRaw('1 = 0');
  return q.where(`${alias}.${columnOf(strapi, uid, scope.column)}`, scope.node);
}

/**
 * Refuses a route's work on a row outside the caller's organisation before anything is written:
 * 404 when there is no such row, 403 `field: outside your organisation (…)` when it lies elsewhere.
 */
export async function requireInScope(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  field: string,
): Promise<void> {
  const scope = await routeScope(strapi);
  if ('all' in scope) return;
  const rows = (await strapi.db
    .query(uid as UID.Schema)
    .findMany({ where: { documentId }, select: ['id', ...SCOPE_ATTRIBUTES] })) as Array<Record<string, unknown>>;
  if (!rows.length) throw notFound(field, requestFieldLabel(field) ?? field);
  if ('column' in scope && rows.every((r) => r[scope.column] === scope.node)) return;
  const admin = currentAdmin(strapi);
  const name = admin ? (await organisationOf(strapi, admin))?.name : undefined;
  throw forbidden(
    `${field}: outside your organisation (${name ?? '—'}) (不在本组织（${name ?? '—'}）及下级范围内)`,
    field,
  );
}

/**
 * Rows a service wrote with the Query Engine (not the Document Service, so the scope middleware did
 * not see them) take their scope from their relations, in the caller's transaction.
 */
export async function rescope(strapi: Core.Strapi, uid: string, ids: number[]): Promise<void> {
  const registry = scopeRegistry(strapi);
  const source = registry.governed[uid];
  if (!source || !ids.length) return;
  await followRelations(strapi, registry, uid, { id: { $in: ids } });
}

/**
 * Rows that serve the caller's organisation: those in its scope (本组织及下级) and those that belong
 * to one of its ancestors themselves, not to a sibling below that ancestor (a county department
 * serves every community of its county; another community's property company serves none of mine).
 * A row of an ancestor node carries that node in the ancestor's column and nothing in the next one.
 */
export async function reachWhere(strapi: Core.Strapi): Promise<Record<string, unknown>> {
  const scope = await routeScope(strapi);
  if (!('column' in scope)) return scopeWhere(scope);
  const admin = currentAdmin(strapi);
  const organisation = admin ? await organisationOf(strapi, admin) : null;
  const depth = SCOPE_ATTRIBUTES.indexOf(scope.column);
  const ancestors = SCOPE_ATTRIBUTES.slice(0, depth).flatMap((column, i) => {
    const node = organisation?.scope[column];
    return node ? [{ [column]: { $eq: node }, [SCOPE_ATTRIBUTES[i + 1]]: { $null: true } }] : [];
  });
  return { $or: [{ [scope.column]: { $eq: scope.node } }, ...ancestors] };
}

/**
 * Refuses a row the caller names in a request body (a picker's value) unless it serves the caller's
 * organisation (`reachWhere`): 400 when there is no such row, 403 naming the field when it serves
 * another organisation.
 */
export async function requireInReach(strapi: Core.Strapi, uid: string, documentId: string, field: string) {
  const query = strapi.db.query(uid as UID.Schema);
  if (await query.findOne({ where: { documentId, ...(await reachWhere(strapi)) }, select: ['id'] })) return;
  if (!(await query.findOne({ where: { documentId }, select: ['id'] })))
    throw invalid(field, `no such ${field} (${requestFieldLabel(field) ?? field}不存在)`);
  throw forbidden(`${field}: serves another organisation (不属于本组织可派的范围)`, field);
}
