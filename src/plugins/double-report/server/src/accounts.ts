import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { joinOf, knexOf, tableOf } from '@grassroots/kit/server';
import { UID } from './uids';
import type { MemberRef } from './domain/check-in-rules';

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * THE answer to "which member is this account?": the member linked to the user, the lowest id
 * should a broken import have linked two. Every path asks it here — the member strategy (inside its
 * one authentication statement), the check-in statements (which re-check it when they write) and
 * the actors service — as SQL text with the caller's placeholder for the user id, so the three can
 * never disagree. Selects `id` and `document_id`.
 */
export function memberOfAccountSql(strapi: Core.Strapi, userId: string): string {
  const link = joinOf(strapi, UID.member, 'account');
  return `SELECT m.id, m.document_id FROM ${q(tableOf(strapi, UID.member))} m JOIN ${q(link.table)} l ON l.${q(link.own)} = m.id WHERE l.${q(link.other)} = ${userId} ORDER BY m.id LIMIT 1`;
}

/** A row of memberOfAccountSql as a member reference (null columns: no member). */
export const memberRef = (id: unknown, documentId: unknown): MemberRef | null =>
  id == null ? null : { id: Number(id), documentId: String(documentId) };

/** The member an account speaks for, or null when none is linked; `db` is the caller's transaction. */
export async function memberOfAccount(
  strapi: Core.Strapi,
  userId: number,
  db: Knex | Knex.Transaction = knexOf(strapi),
): Promise<MemberRef | null> {
  const res: unknown = await db.raw(memberOfAccountSql(strapi, '?'), [userId]);
  // knex.raw answers with the driver's shape: rows on PostgreSQL, the row array on SQLite.
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as Array<{
    id: unknown;
    document_id: unknown;
  }>;
  return rows[0] ? memberRef(rows[0].id, rows[0].document_id) : null;
}
