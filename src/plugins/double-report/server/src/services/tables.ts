import type { Core } from '@strapi/strapi';
import { randomBytes } from 'crypto';

export const UID = {
  unit: 'plugin::double-report.unit',
  member: 'plugin::double-report.member',
  registration: 'plugin::double-report.registration',
  listItem: 'plugin::double-report.list-item',
  activity: 'plugin::double-report.activity',
  checkIn: 'plugin::double-report.check-in',
  points: 'plugin::double-report.points-entry',
  idem: 'plugin::double-report.idempotency-key',
  rules: 'plugin::double-report.rule-set',
  branch: 'api::branch.branch',
} as const;

/** Table and column names of a relation's join table, read from Strapi's metadata (never guessed). */
export function link(strapi: Core.Strapi, uid: string, attribute: string) {
  const attr: any = strapi.db.metadata.get(uid as any).attributes[attribute];
  const jt = attr.joinTable;
  return { table: jt.name as string, own: jt.joinColumn.name as string, other: jt.inverseJoinColumn.name as string };
}

export const table = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid as any).tableName as string;

export const isPostgres = (strapi: Core.Strapi) => ['postgres', 'pg'].includes(String(strapi.db.dialect.client));

/**
 * A document id for rows written with raw SQL on the hot path: 24 characters, a letter then
 * base-36, like the ids Strapi's document service gives (it only needs them unique and opaque).
 */
export function newDocumentId(): string {
  const bytes = randomBytes(24);
  let out = String.fromCharCode(97 + (bytes[0] % 26));
  for (let i = 1; i < 24; i += 1) out += (bytes[i] % 36).toString(36);
  return out;
}

/** The columns every Strapi 5 document row carries, for a non draft-and-publish type (always "published"). */
export const documentColumns = (now: Date) => ({ document_id: newDocumentId(), created_at: now, updated_at: now, published_at: now });

/** JSON columns come back as text on SQLite and parsed on PostgreSQL. */
export const readJson = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/**
 * The member an account speaks for ({ id, documentId }) in one indexed join, for the hot paths
 * (check-in, own summary) that need no populated unit or community. null when not linked.
 */
export function memberQuery(strapi: Core.Strapi, userId: number, db: any = strapi.db.connection) {
  const acc = link(strapi, UID.member, 'account');
  return db(`${table(strapi, UID.member)} as m`)
    .join(`${acc.table} as a`, `a.${acc.own}`, 'm.id')
    .where(`a.${acc.other}`, userId)
    .first('m.id', 'm.document_id');
}

export async function memberOfAccount(strapi: Core.Strapi, userId: number, db?: any): Promise<{ id: number; documentId: string } | null> {
  const row: any = await memberQuery(strapi, userId, db);
  return row ? { id: Number(row.id), documentId: row.document_id } : null;
}
