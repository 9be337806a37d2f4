import type { Core, UID } from '@strapi/strapi';
import { joinOf, knexOf } from '../db';
import { inTransaction } from '../transitions';
import {
  EMPTY_SCOPE,
  SCOPE_ATTRIBUTES,
  SCOPE_LEVELS,
  COLUMN_OF_LEVEL,
  isScopeLevel,
  type Scope,
  type ScopeRegistry,
  type ScopeSource,
} from './types';

/** A governed row as read for its scope: own columns, and the rows its deciding relations name. */
export interface ScopedRow extends Scope {
  id: number;
  documentId: string;
  [relation: string]: unknown;
}

type Related = Partial<Scope> & { id: number; documentId: string };

const asScope = (r: Partial<Scope> | null | undefined): Scope => ({
  scopeCounty: r?.scopeCounty ?? null,
  scopeStreet: r?.scopeStreet ?? null,
  scopeCommunity: r?.scopeCommunity ?? null,
});

export const sameScope = (a: Scope, b: Scope): boolean =>
  SCOPE_ATTRIBUTES.every((k) => (a[k] ?? null) === (b[k] ?? null));

const relationsOf = (source: ScopeSource): string[] => (source.kind === 'tree' ? [source.parent] : source.relations);

/** Reads rows of a governed type with what decides their scope (one query, relations populated). */
export async function readScopedRows(
  strapi: Core.Strapi,
  registry: ScopeRegistry,
  uid: string,
  where: Record<string, unknown>,
): Promise<ScopedRow[]> {
  const source = registry.governed[uid];
  const select = ['id', 'documentId', ...SCOPE_ATTRIBUTES, ...(source.kind === 'tree' ? [source.level] : [])];
  const populate = Object.fromEntries(
    relationsOf(source).map((r) => [r, { select: ['id', 'documentId', ...SCOPE_ATTRIBUTES] }]),
  );
  return (await strapi.db.query(uid as UID.Schema).findMany({ where, select, populate })) as ScopedRow[];
}

/** The lowest common ancestor of several scopes: a level is kept only where all of them agree. */
function commonScope(scopes: Scope[]): Scope {
  const out: Scope = { ...EMPTY_SCOPE };
  for (const k of SCOPE_ATTRIBUTES) {
    const v = scopes[0][k];
    if (v === null || !scopes.every((s) => s[k] === v)) break;
    out[k] = v;
  }
  return out;
}

/**
 * The scope a row should have, from what its relations name now; `undefined` when they name
 * nothing (the caller decides: the writer's organisation on create, the current scope on update).
 */
export function computeScope(source: ScopeSource, row: ScopedRow): Scope | undefined {
  if (source.kind === 'tree') {
    const parent = row[source.parent] as Related | null | undefined;
    const level = row[source.level];
    if (!isScopeLevel(level)) return parent ? asScope(parent) : undefined;
    // A county, street or community node is its own scope at its level, below its parent's.
    const out = parent ? asScope(parent) : { ...EMPTY_SCOPE };
    const at = SCOPE_LEVELS.indexOf(level);
    SCOPE_LEVELS.forEach((l, i) => {
      if (i === at) out[COLUMN_OF_LEVEL[l]] = row.documentId;
      else if (i > at) out[COLUMN_OF_LEVEL[l]] = null;
    });
    return out;
  }
  if (source.kind === 'via') {
    for (const r of source.relations) {
      const related = row[r] as Related | null | undefined;
      if (related) return asScope(related);
    }
    return undefined;
  }
  const named = source.relations.flatMap((r) => (row[r] as Related[] | null | undefined) ?? []);
  return named.length ? commonScope(named.map(asScope)) : undefined;
}

/** Writes scopes with as few statements as there are distinct scopes (inside the caller's transaction). */
export async function writeScopes(
  strapi: Core.Strapi,
  uid: string,
  updates: Array<{ id: number; scope: Scope }>,
): Promise<void> {
  const groups = new Map<string, { scope: Scope; ids: number[] }>();
  for (const u of updates) {
    const key = JSON.stringify(u.scope);
    const g = groups.get(key) ?? { scope: u.scope, ids: [] };
    g.ids.push(u.id);
    groups.set(key, g);
  }
  for (const { scope, ids } of groups.values()) {
    for (let i = 0; i < ids.length; i += 500) {
      await strapi.db
        .query(uid as UID.Schema)
        .updateMany({ where: { id: { $in: ids.slice(i, i + 500) } }, data: scope });
    }
  }
}

/**
 * After rows of `uid` changed scope, the rows that take their scope from them follow: children
 * of a moved branch, its grids, their compounds and representatives, notices addressed to them.
 * Rows whose relations name nothing keep their scope.
 */
export async function propagate(
  strapi: Core.Strapi,
  registry: ScopeRegistry,
  uid: string,
  changedIds: number[],
  depth = 0,
): Promise<void> {
  if (!changedIds.length) return;
  if (depth > 32)
    throw new Error(`[kit] scope propagation from ${uid} does not end (a cycle in the organisation tree?)`);
  const ids = [...new Set(changedIds)];
  for (const [dependant, relations] of await linkedDependants(strapi, registry, uid, ids)) {
    await followRelations(
      strapi,
      registry,
      dependant,
      { $or: relations.map((r) => ({ [r]: { id: { $in: ids } } })) },
      depth + 1,
    );
  }
}

/**
 * The rows of `uid` that `where` finds take the scope their deciding relations name (rows whose
 * relations name nothing keep theirs), and the rows depending on those that moved follow.
 */
export async function followRelations(
  strapi: Core.Strapi,
  registry: ScopeRegistry,
  uid: string,
  where: Record<string, unknown>,
  depth = 0,
): Promise<void> {
  const source = registry.governed[uid];
  const rows = await readScopedRows(strapi, registry, uid, where);
  const updates = rows.flatMap((row) => {
    const scope = computeScope(source, row);
    return scope && !sameScope(scope, row) ? [{ id: row.id, scope }] : [];
  });
  await storeScopes(strapi, registry, uid, updates, depth);
}

/** Stores new scopes (inside the caller's transaction), then moves the rows that take theirs from these. */
export async function storeScopes(
  strapi: Core.Strapi,
  registry: ScopeRegistry,
  uid: string,
  updates: Array<{ id: number; scope: Scope }>,
  depth = 0,
): Promise<void> {
  await writeScopes(strapi, uid, updates);
  await propagate(
    strapi,
    registry,
    uid,
    updates.map((u) => u.id),
    depth,
  );
}

/**
 * The governed types with a deciding relation that links to any of `ids` of `uid`, and those
 * relations: one statement of EXISTS tests over the join tables (a row created just now is linked
 * from nowhere, so its create reads nothing else).
 */
async function linkedDependants(
  strapi: Core.Strapi,
  registry: ScopeRegistry,
  uid: string,
  ids: number[],
): Promise<Map<string, string[]>> {
  const candidates: Array<{ dependant: string; relation: string }> = [];
  for (const [dependant, source] of Object.entries(registry.governed)) {
    const attributes = strapi.getModel(dependant as UID.Schema).attributes as Record<string, { target?: string }>;
    for (const relation of relationsOf(source))
      if (attributes[relation]?.target === uid) candidates.push({ dependant, relation });
  }
  const found = new Map<string, string[]>();
  if (!candidates.length) return found;
  const knex = knexOf(strapi);
  const tests = candidates.map(({ dependant, relation }, i) => {
    const join = joinOf(strapi, dependant, relation);
    const linked = knex(join.table).select(knex.raw('1')).whereIn(join.other, ids);
    return knex.raw(`exists (${linked.toQuery()}) as ??`, [`l${i}`]);
  });
  // Inside the write's transaction (SQLite has one connection: a query beside it would wait forever).
  const [row] = (await inTransaction(strapi, (trx) => trx.select(tests))) as Array<Record<string, unknown>>;
  candidates.forEach(({ dependant, relation }, i) => {
    const v = row[`l${i}`];
    if (v === true || Number(v) === 1) found.set(dependant, [...(found.get(dependant) ?? []), relation]);
  });
  return found;
}
