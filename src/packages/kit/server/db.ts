import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { randomBytes } from 'crypto';

/**
 * Table and column names come from Strapi's metadata, never guessed: Strapi shortens long
 * identifiers and names join tables after both sides, and both rules changed between majors.
 */
interface JoinTableMeta {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

export interface JoinOf {
  /** the join table */
  table: string;
  /** column holding the id of the row that owns the attribute */
  own: string;
  /** column holding the id of the related row */
  other: string;
  /** the owner's order of its related rows (a to-many attribute), when the table has one */
  order?: string;
  /** the related row's order of its owners (the inverse side is a list: a building's houses), when there is one */
  inverseOrder?: string;
}

const meta = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid as UID.Schema);

/** The table of a content type. */
export const tableOf = (strapi: Core.Strapi, uid: string): string => meta(strapi, uid).tableName;

/** The join table of a relation attribute, with its two id columns. */
export function joinOf(strapi: Core.Strapi, uid: string, attribute: string): JoinOf {
  const attr = meta(strapi, uid).attributes[attribute] as { joinTable?: JoinTableMeta } | undefined;
  if (!attr?.joinTable) throw new Error(`${uid}.${attribute} is not a relation with a join table`);
  const jt = attr.joinTable;
  return {
    table: jt.name,
    own: jt.joinColumn.name,
    other: jt.inverseJoinColumn.name,
    order: jt.orderColumnName,
    inverseOrder: jt.inverseOrderColumnName,
  };
}

/** The column of a scalar attribute (Strapi snake-cases camelCase names). */
export function columnOf(strapi: Core.Strapi, uid: string, attribute: string): string {
  const attr = meta(strapi, uid).attributes[attribute] as { columnName?: string } | undefined;
  if (!attr) throw new Error(`${uid} has no attribute ${attribute}`);
  return attr.columnName ?? attribute;
}

export type Dialect = 'postgres' | 'sqlite' | 'mysql';

/** Which SQL the connection speaks: aggregates written for both our databases branch on it. */
export function dialectOf(strapi: Core.Strapi): Dialect {
  const client = String(strapi.db.dialect.client);
  if (client === 'pg' || client.startsWith('postgres')) return 'postgres';
  if (client.includes('sqlite')) return 'sqlite';
  return 'mysql';
}

export const isPostgres = (strapi: Core.Strapi): boolean => dialectOf(strapi) === 'postgres';

/** The knex instance behind Strapi's database layer. */
export const knexOf = (strapi: Core.Strapi): Knex => strapi.db.connection as unknown as Knex;

/**
 * A document id for rows written with raw SQL: 24 characters, a letter then base-36, like the
 * ids Strapi's document service gives (it needs them unique and opaque, nothing more).
 */
export function newDocumentId(): string {
  const bytes = randomBytes(24);
  let out = String.fromCharCode(97 + (bytes[0] % 26));
  for (let i = 1; i < 24; i += 1) out += (bytes[i] % 36).toString(36);
  return out;
}

/** The columns every Strapi 5 document row carries, for a type without draft & publish (always published). */
export const documentColumns = (now: Date) => ({
  document_id: newDocumentId(),
  created_at: now,
  updated_at: now,
  published_at: now,
});

/** JSON columns come back as text on SQLite and parsed on PostgreSQL. */
export const readJson = <T = unknown>(value: unknown): T =>
  (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** Dates come back as Date (PostgreSQL), ISO text or epoch milliseconds (SQLite). */
export function readDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))) return new Date(Number(value));
  return new Date(String(value));
}

/**
 * A datetime column as epoch milliseconds inside SQL, so date arithmetic (a share of a period) reads
 * the same on both databases: PostgreSQL keeps timestamps, Strapi writes epoch milliseconds on
 * SQLite. `column` is a qualified column name from code, never input.
 */
export const epochMs = (strapi: Core.Strapi, column: string): string => epochMsIn(dialectOf(strapi), column);

/** `epochMs` for a dialect named outright (a knex connection of its own, a unit test of a SQL rule). */
export function epochMsIn(dialect: Dialect, column: string): string {
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/i.test(column)) throw new Error(`epochMs: not a column: ${column}`);
  return dialect === 'postgres' ? `(EXTRACT(EPOCH FROM ${column}) * 1000)` : column;
}

/**
 * How many rows of a group meet `condition`: `SUM(CASE WHEN … THEN 1 ELSE 0 END)`, the one form that
 * counts several conditions in one grouped statement on both databases (PostgreSQL's FILTER is not
 * SQLite's). `condition` is SQL from code; values go in `bindings`.
 */
export const countWhen = (knex: Knex, condition: string, bindings: readonly unknown[] = []): Knex.Raw =>
  knex.raw(`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`, bindings as Knex.RawBinding[]);
