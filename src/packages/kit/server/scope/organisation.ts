import type { Core, UID } from '@strapi/strapi';
import { forbidden } from '../errors';
import { httpCache } from '../cache';
import {
  COLUMN_OF_LEVEL,
  SCOPE_ATTRIBUTES,
  isScopeLevel,
  type AdminUser,
  type Organisation,
  type ScopeRegistry,
} from './types';

const KEY = 'grassroots-kit.scope';
const SUPER_ADMIN = 'strapi-super-admin';

interface ScopeState {
  registry: ScopeRegistry;
  /** admin user id → the organisation found under the cache ETag of the assignment and tree versions */
  memo: Map<number, { etag: string; organisation: Organisation | null }>;
  /** per request: the same user asked about 25 times while Strapi builds one ability */
  perRequest: WeakMap<object, Map<number, Organisation | null>>;
}

/** Called once by registerScoping: the registry lives in Strapi's container, like the HTTP cache. */
export function setScopeRegistry(strapi: Core.Strapi, registry: ScopeRegistry): void {
  if (strapi.has(KEY)) throw new Error('[kit] scoping is registered twice');
  strapi.add(KEY, { registry, memo: new Map(), perRequest: new WeakMap() } satisfies ScopeState);
}

function state(strapi: Core.Strapi): ScopeState {
  if (!strapi.has(KEY)) throw new Error('[kit] registerScoping(strapi, registry) was not called in register()');
  return strapi.get(KEY) as ScopeState;
}

export const scopeRegistry = (strapi: Core.Strapi): ScopeRegistry => state(strapi).registry;
export const isScopingRegistered = (strapi: Core.Strapi): boolean => strapi.has(KEY);

export const isSuperAdmin = (user: AdminUser): boolean => (user.roles ?? []).some((r) => r.code === SUPER_ADMIN);

/** Koa's context of the current request, when there is one (Strapi keeps it in AsyncLocalStorage). */
const currentRequest = (strapi: Core.Strapi): { state?: Record<string, unknown> } | undefined =>
  strapi.requestContext.get() as { state?: Record<string, unknown> } | undefined;

/**
 * The administrator behind the current request, or undefined for everything else (the seed, a
 * plugin's scheduled job, content-API users and API tokens, which have their own rules).
 */
export function currentAdmin(strapi: Core.Strapi): AdminUser | undefined {
  const s = currentRequest(strapi)?.state;
  const auth = s?.auth as { strategy?: { name?: string } } | undefined;
  if (auth?.strategy?.name !== 'admin') return undefined;
  return s?.user as AdminUser | undefined;
}

async function lookup(strapi: Core.Strapi, registry: ScopeRegistry, user: AdminUser): Promise<Organisation | null> {
  if (!user.email) return null;
  const row = (await strapi.db.query(registry.assignment as UID.Schema).findOne({
    where: { adminEmail: user.email.toLowerCase() },
    populate: { branch: { select: ['documentId', 'name', 'level', ...SCOPE_ATTRIBUTES] } },
  })) as { branch?: Record<string, unknown> | null } | null;
  const node = row?.branch;
  if (!node || !isScopeLevel(node.level)) return null;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return {
    node: String(node.documentId),
    name: String(node.name),
    level: node.level,
    column: COLUMN_OF_LEVEL[node.level],
    scope: {
      scopeCounty: str(node.scopeCounty),
      scopeStreet: str(node.scopeStreet),
      scopeCommunity: str(node.scopeCommunity),
    },
  };
}

/**
 * Where an administrator works (null: no assignment, so no governed record at all). Remembered
 * per user until an assignment or a branch changes on any instance (the kit cache's versions of
 * the two types), and per request, since Strapi asks once per permission.
 */
export async function organisationOf(strapi: Core.Strapi, user: AdminUser): Promise<Organisation | null> {
  const s = state(strapi);
  const request = currentRequest(strapi);
  const inRequest = request ? s.perRequest.get(request) : undefined;
  if (inRequest?.has(user.id)) return inRequest.get(user.id) ?? null;

  const { etag } = await httpCache(strapi).validators('kit-scope|organisations', [
    s.registry.assignment,
    s.registry.tree,
  ]);
  const known = s.memo.get(user.id);
  let organisation: Organisation | null;
  if (known && known.etag === etag) organisation = known.organisation;
  else {
    organisation = await lookup(strapi, s.registry, user);
    if (s.memo.size > 5000) s.memo.clear();
    s.memo.set(user.id, { etag, organisation });
  }
  if (request) {
    const map = inRequest ?? new Map<number, Organisation | null>();
    map.set(user.id, organisation);
    if (!inRequest) s.perRequest.set(request, map);
  }
  return organisation;
}

/** A filter on a governed type: `{ scopeCommunity: { $eq: documentId } }` (true: everything, false: nothing). */
export type ScopeFilter = Partial<Record<(typeof SCOPE_ATTRIBUTES)[number], { $eq: string }>>;

/**
 * THE rule of organisation scope, used by the RBAC condition of the Content Manager and by every
 * admin route that reads governed rows itself: Super Admins see everything, an administrator
 * without an assignment nothing, anyone else their node and everything below it.
 */
/** 403 for a scoped administrator nobody has assigned to an organisation: they see and change nothing, and are told why. */
export const unassigned = () => forbidden('organisation: no organisation assigned to you (你尚未分配所属组织)');

export async function scopeFilter(strapi: Core.Strapi, user: AdminUser): Promise<ScopeFilter | boolean> {
  if (isSuperAdmin(user)) return true;
  const organisation = await organisationOf(strapi, user);
  if (!organisation) return false;
  return { [organisation.column]: { $eq: organisation.node } };
}
