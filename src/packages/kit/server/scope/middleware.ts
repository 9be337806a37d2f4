import type { Core, UID } from '@strapi/strapi';
import { forbidden, invalid } from '../errors';
import { computeScope, readScopedRows, sameScope, storeScopes, type ScopedRow } from './compute';
import { currentAdmin, isSuperAdmin, organisationOf, scopeRegistry, unassigned } from './organisation';
import {
  COLUMN_OF_LEVEL,
  EMPTY_SCOPE,
  SCOPE_LEVELS,
  isScopeLevel,
  type Organisation,
  type Scope,
  type ScopeRegistry,
  type ScopeSource,
} from './types';

/** Document-service actions that write rows. */
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
const CREATES = new Set(['create', 'clone']);

interface DocumentContext {
  uid: string;
  action: string;
  params?: Record<string, unknown>;
}
type Next = () => Promise<unknown>;

/** True when a row with this scope lies in the organisation: equal at the node's level and every level above it. */
export function insideOrganisation(organisation: Organisation, scope: Scope): boolean {
  const at = SCOPE_LEVELS.indexOf(organisation.level);
  return SCOPE_LEVELS.slice(0, at + 1).every(
    (l) => scope[COLUMN_OF_LEVEL[l]] === organisation.scope[COLUMN_OF_LEVEL[l]],
  );
}

const outside = (field: string, organisation: Organisation) =>
  forbidden(
    `${field}: outside your organisation (${organisation.name}) (不在本组织（${organisation.name}）及下级范围内)`,
    field,
  );

/** The relation a refusal names: the one that decides the scope (for audiences, the first that names rows). */
function decidingField(source: ScopeSource, row: ScopedRow | undefined): string {
  if (source.kind === 'tree') return source.parent;
  const set =
    row &&
    source.relations.find((r) => {
      const v = row[r];
      return Array.isArray(v) ? v.length > 0 : !!v;
    });
  return set ?? source.relations[0];
}

/**
 * The scope a written row takes: what its relations name; when they name nothing, a new row belongs
 * to its writer's organisation and an existing one stays where it is. 403 (naming the deciding
 * relation) when a scoped writer would put it outside their organisation. Bulk writers (the
 * registers' import) call it for rows they insert themselves, so both ways follow one rule.
 */
export function scopeAfterWrite(
  source: ScopeSource,
  row: ScopedRow,
  created: boolean,
  writer: Organisation | undefined,
): Scope {
  const scope =
    computeScope(source, row) ??
    (created
      ? (writer?.scope ?? { ...EMPTY_SCOPE })
      : { scopeCounty: row.scopeCounty, scopeStreet: row.scopeStreet, scopeCommunity: row.scopeCommunity });
  if (writer && !insideOrganisation(writer, scope)) throw outside(decidingField(source, row), writer);
  return scope;
}

/**
 * The organisation the current write acts for: none for a Super Admin or code outside an admin
 * request (the seed, jobs without a caller); 403 for an administrator assigned to no organisation.
 */
export async function writerOrganisation(strapi: Core.Strapi): Promise<Organisation | undefined> {
  const admin = currentAdmin(strapi);
  if (!admin || isSuperAdmin(admin)) return undefined;
  const organisation = await organisationOf(strapi, admin);
  if (!organisation) throw unassigned();
  return organisation;
}

/**
 * Recomputes the scope of every row of one document after its write, refuses (403, inside the
 * write's transaction, so nothing stays written) a row a scoped writer put outside their
 * organisation, stores the scopes and lets dependants follow.
 */
async function settle(
  strapi: Core.Strapi,
  registry: ScopeRegistry,
  uid: string,
  documentId: string,
  created: boolean,
  writer: Organisation | undefined,
): Promise<Map<number, Scope>> {
  const source = registry.governed[uid];
  const rows = await readScopedRows(strapi, registry, uid, { documentId });
  const updates: Array<{ id: number; scope: Scope }> = [];
  const scopes = new Map<number, Scope>();
  for (const row of rows) {
    const scope = scopeAfterWrite(source, row, created, writer);
    scopes.set(row.id, scope);
    if (!sameScope(scope, row)) updates.push({ id: row.id, scope });
  }
  await storeScopes(strapi, registry, uid, updates);
  return scopes;
}

/**
 * The entries the write hands back carry the scope just stored: the Content Manager checks the
 * publish condition on the document its create returned (one-step "create and publish").
 */
function patchResult(result: unknown, scopes: Map<number, Scope>): void {
  const entries = Array.isArray((result as { entries?: unknown } | null)?.entries)
    ? (result as { entries: unknown[] }).entries
    : [result];
  for (const entry of entries) {
    const id = (entry as { id?: unknown } | null)?.id;
    const scope = typeof id === 'number' ? scopes.get(id) : undefined;
    if (scope) Object.assign(entry as object, scope);
  }
}

/** A scoped writer may only touch documents already inside their organisation (the Content Manager checks too; plugin services may not). */
async function requireInside(
  strapi: Core.Strapi,
  registry: ScopeRegistry,
  uid: string,
  documentId: string,
  writer: Organisation,
) {
  const rows = await readScopedRows(strapi, registry, uid, { documentId });
  const source = registry.governed[uid];
  const row = rows.find((r) => !insideOrganisation(writer, r));
  if (row) throw outside(decidingField(source, row), writer);
}

/** Staff assignments: Super Admins only; the node must be a county office, street office or community. */
async function guardAssignment(strapi: Core.Strapi, registry: ScopeRegistry, context: DocumentContext, next: Next) {
  const admin = currentAdmin(strapi);
  if (admin && !isSuperAdmin(admin))
    throw forbidden('staffAssignment: only Super Admins assign staff (仅超级管理员可分配工作人员所属组织)');
  const data = context.params?.data as Record<string, unknown> | undefined;
  if (data && typeof data.adminEmail === 'string') data.adminEmail = data.adminEmail.trim().toLowerCase();
  if (context.action !== 'create' && context.action !== 'update') return next();
  return strapi.db.transaction(async () => {
    const result = (await next()) as { documentId?: string } | null;
    const documentId = (context.params?.documentId as string | undefined) ?? result?.documentId;
    const row = (await strapi.db.query(registry.assignment as UID.Schema).findOne({
      where: { documentId },
      populate: { branch: { select: ['level'] } },
    })) as { branch?: { level?: unknown } | null } | null;
    if (!isScopeLevel(row?.branch?.level)) {
      throw invalid(
        'branch',
        'must be a county office, street office or community (须为县委组织部、街道党工委或社区党支部)',
      );
    }
    return result;
  });
}

/**
 * The one document-service middleware of organisation scope: it writes the scope columns of every
 * governed row on every write, whoever writes (Content Manager, REST, plugin services, the seed),
 * and refuses a scoped administrator's write outside their organisation.
 */
export function scopeMiddleware(strapi: Core.Strapi) {
  return async (context: DocumentContext, next: Next): Promise<unknown> => {
    const registry = scopeRegistry(strapi);
    if (context.uid === registry.assignment && WRITES.has(context.action))
      return guardAssignment(strapi, registry, context, next);
    if (!registry.governed[context.uid] || !WRITES.has(context.action)) return next();

    const writer = await writerOrganisation(strapi);
    const params = context.params ?? {};
    const documentId = typeof params.documentId === 'string' ? params.documentId : undefined;
    // One transaction around the write and its scope: a refusal after the write rolls both back,
    // and the write's events (emitted on commit) never fire.
    return strapi.db.transaction(async () => {
      if (writer && documentId && context.action !== 'create')
        await requireInside(strapi, registry, context.uid, documentId, writer);
      const result = await next();
      if (context.action === 'delete') return result;
      const written = CREATES.has(context.action) ? (result as { documentId?: string } | null)?.documentId : documentId;
      if (written)
        patchResult(result, await settle(strapi, registry, context.uid, written, CREATES.has(context.action), writer));
      return result;
    });
  };
}
