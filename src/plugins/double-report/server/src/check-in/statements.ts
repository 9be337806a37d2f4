import type { Core } from '@strapi/strapi';
import { SCOPE_ATTRIBUTES, columnOf, joinOf, knexOf, tableOf } from '@grassroots/kit/server';
import { UID } from '../uids';
import { memberOfAccountSql } from '../accounts';

// The two PostgreSQL statements of a check-in, as text with $n parameters. Table and column names
// come from Strapi's metadata; the text is built once per process and sent as a named prepared
// statement, so PostgreSQL parses and plans it once per connection.

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface Statement {
  name: string;
  text: string;
}

/** The activity columns the check-in rules read (both dialects' lookups use this list; check-in/facts.ts maps them). */
export const ACTIVITY_COLUMNS = [
  'id',
  'document_id',
  'title',
  'kind',
  'starts_at',
  'ends_at',
  'lat',
  'lng',
  'radius',
  'capacity',
  'qr_token',
  'qr_rotated_at',
] as const;

export function checkInStatements(strapi: Core.Strapi): { facts: Statement; record: Statement } {
  const activities = q(tableOf(strapi, UID.activity));
  const rules = q(tableOf(strapi, UID.rules));
  const keys = q(tableOf(strapi, UID.idem));
  const checkIns = q(tableOf(strapi, UID.checkIn));
  const lm = joinOf(strapi, UID.checkIn, 'member');
  const la = joinOf(strapi, UID.checkIn, 'activity');
  // A check-in belongs to its activity's organisation: the row copies the activity's scope columns.
  const scopeOwn = SCOPE_ATTRIBUTES.map((a) => q(columnOf(strapi, UID.checkIn, a))).join(', ');
  const scopeOfActivity = SCOPE_ATTRIBUTES.map((a) => `sa.${q(columnOf(strapi, UID.activity, a))}`).join(', ');

  // The same lookups in both statements, so what the rules were checked
  // against can be compared with what is current when the row is written. A row's version is its
  // xmin, which PostgreSQL changes with every update of the row.
  const activityOf = (cols: string, documentId: string) =>
    `SELECT ${cols} FROM ${activities} WHERE document_id = ${documentId} ORDER BY id LIMIT 1`;
  const rulesRow = (cols: string) => `SELECT ${cols} FROM ${rules} ORDER BY id LIMIT 1`;

  const facts = `SELECT a.*, r.qr_token_ttl_minutes AS qr_ttl_minutes, r.version AS rules_version
    FROM (SELECT 1) one
    LEFT JOIN (${activityOf(`${ACTIVITY_COLUMNS.map(q).join(', ')}, xmin::text AS version`, '$1')}) a ON true
    LEFT JOIN (${rulesRow('qr_token_ttl_minutes, xmin::text AS version')}) r ON true`;

  // One statement, all or nothing: `guard` holds when the member behind the account ($1) and the
  // activity ($2) and rule set are still the ones the rules saw ($3–$5); the key row ($6–$12, stored
  // already as done with its answer) goes in only then and only once (a taken key inserts nothing,
  // and `existing` shows it as it stood); the check-in row and its two link rows ($13–$17) only when
  // the key went in and the answer is a check-in ($18). A second open check-in of the member
  // violates dr_check_ins_open_slot_uq and undoes all of it.
  const record = `WITH guard AS (
      SELECT 1 FROM (SELECT (SELECT id FROM (${memberOfAccountSql(strapi, '$1')}) x) AS member_id,
                            (${activityOf('xmin::text', '$2')}) AS activity_version,
                            (${rulesRow('xmin::text')}) AS rules_version) f
      WHERE f.member_id IS NOT DISTINCT FROM $3::integer AND f.activity_version IS NOT DISTINCT FROM $4::text AND f.rules_version IS NOT DISTINCT FROM $5::text
    ),
    existing AS (SELECT request_hash, state, response_status, response_body FROM ${keys} WHERE scope = $6 AND key = $7),
    taken AS (
      INSERT INTO ${keys} (document_id, created_at, updated_at, published_at, scope, key, request_hash, state, response_status, response_body)
      SELECT $8, $9, $9, $9, $6, $7, $10, 'done', $11, $12 FROM guard
      ON CONFLICT (scope, key) DO NOTHING RETURNING id
    ),
    ci AS (
      INSERT INTO ${checkIns} (document_id, created_at, updated_at, published_at, checked_in_at, minutes, source, status, year, member_ref, activity_ref, open_slot, ${scopeOwn})
      SELECT $13, $9, $9, $9, $9, 0, $14, 'pending', $15, $3, $16, $17, ${scopeOfActivity} FROM taken LEFT JOIN ${activities} sa ON sa.id = $16 WHERE $18::boolean
      RETURNING id
    ),
    lm AS (INSERT INTO ${q(lm.table)} (${q(lm.own)}, ${q(lm.other)}) SELECT id, $3 FROM ci),
    la AS (INSERT INTO ${q(la.table)} (${q(la.own)}, ${q(la.other)}) SELECT id, $16 FROM ci)
    SELECT (SELECT COUNT(*) FROM guard) AS valid, (SELECT COUNT(*) FROM taken) AS fresh, e.*
    FROM (SELECT 1) one LEFT JOIN existing e ON true`;

  return {
    facts: { name: 'dr_check_in_facts_v2', text: facts },
    record: { name: 'dr_check_in_record_v3', text: record },
  };
}

export interface PgConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

/** Runs a named prepared statement on a pooled connection (or on `conn`, inside its transaction); alone it is one transaction by itself. */
export async function runPrepared(
  strapi: Core.Strapi,
  statement: Statement,
  values: unknown[],
  conn?: PgConnection,
): Promise<Record<string, unknown>[]> {
  if (conn) return (await conn.query({ name: statement.name, text: statement.text, values })).rows;
  const client = knexOf(strapi).client;
  const own = (await client.acquireConnection()) as PgConnection;
  try {
    const res = await own.query({ name: statement.name, text: statement.text, values });
    return res.rows;
  } finally {
    await client.releaseConnection(own);
  }
}

/**
 * PostgreSQL, an activity with a capacity: the seats are counted and the check-in written in one
 * transaction that first locks the activity's row, so of ten members taking the last seats at once
 * each counts after the one before committed (a single statement cannot: its snapshot predates the
 * wait). The lock is `FOR NO KEY UPDATE`, which leaves the row's version (xmin) alone, so the write's
 * guard still sees the activity the rules saw. Raw connection, not a knex transaction: the write is a
 * named prepared statement (runPrepared).
 */
export async function withSeatsLocked<T>(
  strapi: Core.Strapi,
  activityId: number,
  fn: (taken: number, conn: PgConnection) => Promise<T>,
): Promise<T> {
  const client = knexOf(strapi).client;
  const conn = (await client.acquireConnection()) as PgConnection & {
    query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  };
  try {
    await conn.query('BEGIN');
    try {
      await conn.query(`SELECT 1 FROM ${q(tableOf(strapi, UID.activity))} WHERE id = $1 FOR NO KEY UPDATE`, [
        activityId,
      ]);
      const [{ n }] = (
        await conn.query(
          `SELECT COUNT(*) AS n FROM ${q(tableOf(strapi, UID.checkIn))} WHERE activity_ref = $1 AND status <> 'rejected'`,
          [activityId],
        )
      ).rows;
      const out = await fn(Number(n), conn);
      await conn.query('COMMIT');
      return out;
    } catch (err) {
      await conn.query('ROLLBACK');
      throw err;
    }
  } finally {
    await client.releaseConnection(conn);
  }
}
