import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { UID, documentColumns, readJson, table } from './tables';
import { HttpError } from './http-error';

export const hashBody = (body: unknown) => createHash('sha256').update(stableJson(body ?? {})).digest('hex');

function stableJson(v: any): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

export type Replay = { replay: true; status: number; body: unknown };

/** What a request meets when its key is already taken by `row` (none: taken by a request that is still being written). */
export function judge(row: { request_hash: string; state: string; response_status: number; response_body: unknown } | undefined | null, requestHash: string): Replay {
  // PostgreSQL: the key committed while our statement waited for it, so our snapshot cannot show it.
  if (!row) throw new HttpError(409, 'Idempotency-Key: the first request with this key is still in flight');
  if (row.request_hash !== requestHash) throw new HttpError(422, 'Idempotency-Key: already used with a different request body');
  // Keys are now written with their answer; in_flight rows come from versions before 2026-12-01.
  if (row.state === 'in_flight') throw new HttpError(409, 'Idempotency-Key: the first request with this key is still in flight');
  return { replay: true, status: row.response_status, body: readJson(row.response_body) };
}

/**
 * Idempotency-Key records, one per (caller, key), guarded by a unique index so that two instances
 * racing on the same key cannot both run the request. Written in the same unit of work as the
 * check-in (services/submit-check-in.ts); the rows are hidden from the Content Manager.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const t = () => table(strapi, UID.idem);
  const k = () => strapi.db.connection;
  return {
    /** The key row with its answer, written in the same unit of work as what the request did. */
    row(scope: string, key: string, requestHash: string, status: number, body: unknown, now = new Date()) {
      return { ...documentColumns(now), scope, key, request_hash: requestHash, state: 'done', response_status: status, response_body: JSON.stringify(body) };
    },
    /** The key's row as `judge` reads it; `db` is the caller's transaction. */
    find(scope: string, key: string, db: (tableName: string) => any = k()) {
      return db(t()).where({ scope, key }).first('request_hash', 'state', 'response_status', 'response_body');
    },
    /** Replaces the answer stored under a key; `db` is the caller's transaction. */
    answerQuery(scope: string, key: string, status: number, body: unknown, db: (tableName: string) => any = k(), now = new Date()) {
      return db(t()).where({ scope, key }).update({ response_status: status, response_body: JSON.stringify(body), updated_at: now });
    },
  };
};
