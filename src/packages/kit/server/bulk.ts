import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { columnOf, documentColumns, joinOf, tableOf } from './db';

/**
 * Rows written by batched INSERTs instead of one Document Service create each: the Weishi demo's
 * registers and a big Excel import (100,000 houses). The caller owns the rules the Document Service
 * would have run (validation, scope columns, derived keys) and the transaction (`trx`); this writes
 * what Strapi itself writes for a document row of a type without draft & publish — document id,
 * timestamps, creator, schema defaults, JSON as text — and the join-table rows of its relations,
 * ordered after the target's existing ones as the Content Manager lists them. No entry events are
 * emitted: 100,000 webhook calls for an import would help nobody.
 */
export interface NewRow {
  /** attribute name → value as the Document Service takes it (scalars, arrays for JSON) */
  values: Record<string, unknown>;
  /** relation attribute → id(s) of the related row(s), or null for none */
  links?: Record<string, number | number[] | null | undefined>;
}

export interface InsertOptions {
  now?: Date;
  /** the admin user id written as creator and last editor */
  by?: number;
}

/** Rows per statement: under SQLite's 32,766 variables and PostgreSQL's 65,535 parameters at 30 columns. */
const BATCH = 500;

/** Where the creator relations keep their id: a column of the row (Strapi's `joinColumn`), not a join table. */
const creatorColumnOf = (strapi: Core.Strapi, uid: string, attribute: 'createdBy' | 'updatedBy') =>
  (strapi.db.metadata.get(uid as UID.Schema).attributes[attribute] as { joinColumn?: { name: string } } | undefined)
    ?.joinColumn?.name;

/** Written from `documentColumns` and the creator, never from values or schema defaults. */
const SYSTEM = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
]);

/** The columns of one row: values by their column names, defaults of the schema for attributes left out. */
function columnsOf(
  strapi: Core.Strapi,
  uid: string,
  values: Record<string, unknown>,
  base: Record<string, unknown>,
): Record<string, unknown> {
  const model = strapi.getModel(uid as UID.Schema).attributes as Record<string, { type: string; default?: unknown }>;
  const out: Record<string, unknown> = { ...base };
  for (const [attribute, schema] of Object.entries(model)) {
    const given = attribute in values;
    if (SYSTEM.has(attribute) || (!given && schema.default === undefined)) continue;
    if (schema.type === 'relation' || schema.type === 'component' || schema.type === 'media') continue;
    const fallback = typeof schema.default === 'function' ? (schema.default as () => unknown)() : schema.default;
    const value = given ? values[attribute] : fallback;
    out[columnOf(strapi, uid, attribute)] =
      schema.type === 'json' && value !== null && value !== undefined ? JSON.stringify(value) : value;
  }
  return out;
}

/** The creator columns (`created_by_id`, `updated_by_id`) where the type has them. */
function creatorColumns(strapi: Core.Strapi, uid: string, by: number | undefined): Record<string, number> {
  if (by === undefined) return {};
  const out: Record<string, number> = {};
  for (const attribute of ['createdBy', 'updatedBy'] as const) {
    const column = creatorColumnOf(strapi, uid, attribute);
    if (column) out[column] = by;
  }
  return out;
}

/** Join rows of one relation attribute for new rows: `pairs` of own id → related id. */
export async function linkRows(
  strapi: Core.Strapi,
  trx: Knex,
  uid: string,
  attribute: string,
  pairs: Array<[number, number]>,
): Promise<void> {
  const { table, own, other, order, inverseOrder: inverse } = joinOf(strapi, uid, attribute);
  if (!pairs.length) return;
  // The inverse side lists its rows by this column (a building's houses): new ones go after the ones it has.
  const next = new Map<number, number>();
  if (inverse) {
    const targets = [...new Set(pairs.map(([, o]) => o))];
    for (let i = 0; i < targets.length; i += BATCH) {
      const found = (await trx(table)
        .whereIn(other, targets.slice(i, i + BATCH))
        .groupBy(other)
        .select(other)
        .max({ last: inverse })) as Array<Record<string, unknown>>;
      for (const f of found) next.set(Number(f[other]), Number(f.last ?? 0));
    }
  }
  const perOwn = new Map<number, number>();
  const rows = pairs.map(([o, t]) => {
    const row: Record<string, unknown> = { [own]: o, [other]: t };
    if (order) {
      const n = (perOwn.get(o) ?? 0) + 1;
      perOwn.set(o, n);
      row[order] = n;
    }
    if (inverse) {
      const n = (next.get(t) ?? 0) + 1;
      next.set(t, n);
      row[inverse] = n;
    }
    return row;
  });
  for (let i = 0; i < rows.length; i += BATCH) await trx(table).insert(rows.slice(i, i + BATCH));
}

/** Inserts document rows of `uid` (no draft & publish) with their relations; answers their ids in order. */
export async function insertRows(
  strapi: Core.Strapi,
  trx: Knex,
  uid: string,
  rows: NewRow[],
  options: InsertOptions = {},
): Promise<number[]> {
  const now = options.now ?? new Date();
  const creator = creatorColumns(strapi, uid, options.by);
  const table = tableOf(strapi, uid);
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows
      .slice(i, i + BATCH)
      .map((r) => columnsOf(strapi, uid, r.values, { ...documentColumns(now), ...creator }));
    // Neither database promises RETURNING in the order of the VALUES: each id is matched by its document id.
    const inserted = (await trx(table).insert(batch).returning(['id', 'document_id'])) as Array<{
      id: number;
      document_id: string;
    }>;
    const idOf = new Map(inserted.map((r) => [r.document_id, Number(r.id)]));
    ids.push(...batch.map((row) => idOf.get(row.document_id as string)!));
  }
  const byAttribute = new Map<string, Array<[number, number]>>();
  rows.forEach((r, i) => {
    for (const [attribute, value] of Object.entries(r.links ?? {})) {
      const list = byAttribute.get(attribute) ?? [];
      for (const target of value === null || value === undefined ? [] : [value].flat()) list.push([ids[i], target]);
      byAttribute.set(attribute, list);
    }
  });
  for (const [attribute, pairs] of byAttribute) await linkRows(strapi, trx, uid, attribute, pairs);
  return ids;
}
