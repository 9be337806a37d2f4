import type { Core, UID } from '@strapi/strapi';
import { httpCache, invalidateOnDocuments } from '../cache';
import { writeScopes } from './compute';
import { scopeMiddleware } from './middleware';
import { scopeFilter, setScopeRegistry } from './organisation';
import { SCOPE_ATTRIBUTES, type Scope, type ScopeRegistry } from './types';

export * from './types';
export {
  organisationOf,
  scopeFilter,
  currentAdmin,
  isSuperAdmin,
  scopeRegistry,
  type ScopeFilter,
} from './organisation';
export { insideOrganisation, scopeAfterWrite, writerOrganisation } from './middleware';
export type { ScopedRow } from './compute';
export { registerScopeCondition, ORGANISATION_CONDITION, ORGANISATION_CONDITION_ID } from './condition';
export {
  routeScope,
  scopeWhere,
  whereInScope,
  requireInScope,
  reachWhere,
  requireInReach,
  rescope,
  type RouteScope,
} from './routes';

/**
 * Turns organisation scope on (call in register(), after every other document-service middleware
 * of the app, so a refused write never reaches their after-write work): the registry, the scope
 * middleware, and cache versions for assignments (the tree's are touched by the app's registries).
 */
export function registerScoping(strapi: Core.Strapi, registry: ScopeRegistry): void {
  setScopeRegistry(strapi, registry);
  invalidateOnDocuments(strapi, [{ uid: registry.assignment }]);
  strapi.documents.use(scopeMiddleware(strapi) as Parameters<typeof strapi.documents.use>[0]);
  // A cached staff answer is shared only by staff who see the same organisation.
  httpCache(strapi).setStaffVariant(async (user) => JSON.stringify(await scopeFilter(strapi, user)));
}

/** The scope of a node of the tree: its own scope columns (null when there is no such node). */
export async function scopeOfNode(
  strapi: Core.Strapi,
  registry: ScopeRegistry,
  nodeDocumentId: string,
): Promise<Scope | null> {
  const node = (await strapi.db
    .query(registry.tree as UID.Schema)
    .findOne({ where: { documentId: nodeDocumentId }, select: [...SCOPE_ATTRIBUTES] })) as Scope | null;
  return node
    ? {
        scopeCounty: node.scopeCounty ?? null,
        scopeStreet: node.scopeStreet ?? null,
        scopeCommunity: node.scopeCommunity ?? null,
      }
    : null;
}

/**
 * Places documents whose relations name no organisation (a notice to everyone) under a node, as if
 * that node's staff had written them: the seed uses it for the street office's own notices.
 */
export async function assignScope(
  strapi: Core.Strapi,
  registry: ScopeRegistry,
  uid: string,
  documentIds: string[],
  nodeDocumentId: string,
): Promise<void> {
  const scope = await scopeOfNode(strapi, registry, nodeDocumentId);
  if (!scope || !documentIds.length) return;
  const rows = (await strapi.db
    .query(uid as UID.Schema)
    .findMany({ where: { documentId: { $in: documentIds } }, select: ['id'] })) as Array<{ id: number }>;
  await writeScopes(
    strapi,
    uid,
    rows.map((r) => ({ id: r.id, scope })),
  );
}
