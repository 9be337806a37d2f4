import type { Core, UID } from '@strapi/strapi';
import { normalise } from '../cells';
import { keyString, readShape, valueAt, type Row } from '../query';
import { REGISTRIES } from '../registries';
import type { Registry } from '../registries/types';

/** Keys per statement: the `$in` lists stay modest on both databases. */
const BATCH = 500;

/** A key as found in the database, normalised like the file's cells. */
export function storedKey(registry: Registry, paths: string[], row: Row): string {
  return keyString(
    paths.map((p) => {
      const column = registry.columns.find((c) => c.path === p);
      const value = valueAt(row, p);
      return column ? normalise(column, value) : value;
    }),
  );
}

/** `{ field: in (values) }`, or "is null" too when a key leaves the part empty. */
function oneOf(field: string, values: unknown[]): Record<string, unknown> {
  const set = [...new Set(values.filter((v) => v !== null && v !== undefined))];
  const some = set.length ? [{ [field]: { $in: set } }] : [];
  const none = values.some((v) => v === null || v === undefined) ? [{ [field]: { $null: true } }] : [];
  const both = [...some, ...none];
  return both.length === 1 ? both[0] : { $or: both };
}

/**
 * Rows of `registry` found by natural key, wherever they lie (the caller checks the organisation: a
 * row of another one is refused, never duplicated). A key part through a relation (`building.number`)
 * is the related registry's own key, found first the same way; then one statement per batch asks for
 * the rows whose fields are among the wanted values and whose relations are among the found rows,
 * and the exact keys are matched here (a `$or` of nested conditions would join once per key).
 * `readPaths` are read along (everything the caller compares), with the scope columns.
 */
export async function findByKeys(
  strapi: Core.Strapi,
  registry: Registry,
  paths: string[],
  keys: unknown[][],
  readPaths: string[],
): Promise<Map<string, Row>> {
  const found = new Map<string, Row>();
  const shape = readShape([...paths, ...readPaths]);
  const scalars = paths.map((p, i) => ({ p, i })).filter(({ p }) => !p.includes('.'));
  const groups = registry.relations
    .map(({ attribute, target }) => ({
      attribute,
      target: REGISTRIES[target],
      at: paths.map((p, i) => ({ p, i })).filter(({ p }) => p.startsWith(`${attribute}.`)),
    }))
    .filter((g) => g.at.length);
  for (let start = 0; start < keys.length; start += BATCH) {
    const batch = keys.slice(start, start + BATCH);
    const and: Record<string, unknown>[] = scalars.map(({ p, i }) =>
      oneOf(
        p,
        batch.map((k) => k[i]),
      ),
    );
    let impossible = false;
    for (const g of groups) {
      const sub = batch.map((k) => g.at.map(({ i }) => k[i] ?? null));
      const named = sub.filter((s) => s.some((v) => v !== null));
      const distinct = [...new Map(named.map((s) => [keyString(s), s])).values()];
      const related = distinct.length
        ? await findByKeys(
            strapi,
            g.target,
            g.at.map(({ p }) => p.slice(g.attribute.length + 1)),
            distinct,
            [],
          )
        : new Map<string, Row>();
      const ids = [...related.values()].map((r) => r.id);
      const withNone = named.length < sub.length;
      if (!ids.length && !withNone) impossible = true;
      and.push(oneOf(`${g.attribute}.id`, [...ids, ...(withNone ? [null] : [])]));
    }
    if (impossible) continue;
    const rows = (await strapi.db.query(registry.uid as UID.Schema).findMany({
      ...shape,
      where: { $and: and.map(nest) },
    })) as Row[];
    const wanted = new Set(batch.map((k) => keyString(k)));
    for (const row of rows) {
      const key = storedKey(registry, paths, row);
      if (wanted.has(key)) found.set(key, row);
    }
  }
  return found;
}

/** `{ 'building.id': x }` as the Query Engine nests it: `{ building: { id: x } }` (also inside `$or`). */
function nest(condition: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(condition.$or)) return { $or: (condition.$or as Record<string, unknown>[]).map(nest) };
  const [[field, value]] = Object.entries(condition);
  const parts = field.split('.');
  return parts.reduceRight<Record<string, unknown>>((inner, part) => ({ [part]: inner }), value as never) as Record<
    string,
    unknown
  >;
}
