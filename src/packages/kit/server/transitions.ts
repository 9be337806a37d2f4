import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { conflict, type DomainError } from './errors';
import { isPostgres, knexOf, tableOf } from './db';

/**
 * State changes under concurrency. PostgreSQL runs two requests at once, so "read, check, write"
 * lets both pass the check; every transition here is instead one of:
 * - a conditional write (`moveIf`: `update … where <state is still the from state>`, affected rows checked),
 * - a row lock taken first in the transaction (`lockRow`), after which the row is read afresh,
 * - a unique index (`ensureIndexes` for the partial ones a schema cannot declare).
 * The side effects (ledger rows, trails, cache versions) go in the same transaction, so the loser
 * of a race writes nothing. SQLite has one writer (Strapi's pool holds one connection), so a
 * transaction there is already serial and the lock is a no-op.
 */

/** Runs `fn` in the current Strapi transaction, or in a new one: its writes commit or roll back together. */
export const inTransaction = <T>(strapi: Core.Strapi, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
  strapi.db.transaction(({ trx }) => fn(trx as unknown as Knex.Transaction)) as Promise<T>;

type RowKey = { id: number } | { documentId: string };

/**
 * Locks the row(s) of a content type (`FOR UPDATE`) inside the current transaction, opening one
 * when there is none: a second request for the same row waits here until the first commits, then
 * reads what it wrote. Returns the ids that exist (empty: nothing to lock, usually a 404).
 */
export async function lockRow(strapi: Core.Strapi, uid: string, key: RowKey): Promise<number[]> {
  return inTransaction(strapi, async (trx) => {
    const q = trx(tableOf(strapi, uid)).select('id');
    if ('id' in key) q.where('id', key.id);
    else q.where('document_id', key.documentId);
    if (isPostgres(strapi)) q.forUpdate();
    const rows: Array<{ id: number }> = await q;
    return rows.map((r) => Number(r.id));
  });
}

/**
 * The conditional write of a transition: updates the rows matching `where` (which names the state
 * moved from) through the Query Engine, in the current transaction; when none matched, another
 * request moved it first and `lost` (default 409 on `status`) is thrown, so the caller's
 * transaction, side effects included, rolls back.
 */
export async function moveIf(
  strapi: Core.Strapi,
  uid: string,
  where: Record<string, unknown>,
  data: Record<string, unknown>,
  lost: DomainError = conflict('status', 'changed meanwhile by another request (已被他人处理)'),
): Promise<number> {
  const { count } = await strapi.db.query(uid as Parameters<typeof strapi.db.query>[0]).updateMany({ where, data });
  if (!count) throw lost;
  return count;
}

export interface IndexSpec {
  /** content type whose table carries the index */
  uid: string;
  name: string;
  /** column names (snake case, as in the table) */
  columns: string[];
  /** SQL predicate of a partial index, over column names, in syntax both dialects accept */
  where?: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Unique indexes a content-type schema cannot declare (partial ones: "one open … per …"), created
 * idempotently at bootstrap on SQLite and PostgreSQL. Strapi's schema sync drops only indexes it
 * declared itself, so these stay. Creation fails loudly when existing rows already break the rule.
 */
export async function ensureUniqueIndexes(strapi: Core.Strapi, specs: IndexSpec[]): Promise<void> {
  const knex = knexOf(strapi);
  for (const s of specs) {
    const table = tableOf(strapi, s.uid);
    await knex.raw(
      `CREATE UNIQUE INDEX IF NOT EXISTS ${quote(s.name)} ON ${quote(table)} (${s.columns.map(quote).join(', ')})${
        s.where ? ` WHERE ${s.where}` : ''
      }`,
    );
  }
}
