import { SCOPE_ATTRIBUTES } from '@grassroots/kit/server';
import type { Column, Registry } from './registries/types';

/** A row read with the Query Engine: scalars, and the relations the columns go through. */
export type Row = { id: number; documentId: string } & Record<string, unknown>;

interface Populate {
  select: string[];
  populate?: Record<string, Populate>;
}

/** The value at a column path of a populated row (`building.compound.code`). */
export function valueAt(row: Row | null | undefined, path: string): unknown {
  let at: unknown = row;
  for (const part of path.split('.')) {
    if (at === null || at === undefined) return null;
    at = (at as Record<string, unknown>)[part];
  }
  return at ?? null;
}

/** select + populate that read every column path of the registry (and ids, and the scope columns). */
export function readShape(paths: string[]): Populate {
  const root: Populate = { select: ['id', 'documentId', ...SCOPE_ATTRIBUTES] };
  for (const path of paths) {
    const parts = path.split('.');
    let at = root;
    for (const part of parts.slice(0, -1)) {
      at.populate ??= {};
      at = at.populate[part] ??= { select: ['id', 'documentId'] };
    }
    const leaf = parts[parts.length - 1];
    if (!at.select.includes(leaf)) at.select.push(leaf);
  }
  return root;
}

export const columnPaths = (registry: Registry) => registry.columns.map((c: Column) => c.path);

/** One string per key, so rows of the file, the database and the relations meet in a Map. */
export const keyString = (values: unknown[]) => JSON.stringify(values.map((v) => (v === undefined ? null : v)));
