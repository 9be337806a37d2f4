import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { UID, documentColumns, readJson, table } from './tables';
import { HttpError, isUniqueViolation } from './http-error';

export const hashBody = (body: unknown) => createHash('sha256').update(stableJson(body ?? {})).digest('hex');

function stableJson(v: any): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

export type Replay = { replay: true; status: number; body: unknown };
export type Begin = { replay: false } | Replay;

/** What a request meets when its key is already taken by `row` (undefined: released again just now). */
export function judge(row: { request_hash: string; state: string; response_status: number; response_body: unknown } | undefined | null, requestHash: string): Replay {
  // Gone between our insert and this read: the first request failed and released the key just now.
  if (!row) throw new HttpError(409, 'Idempotency-Key: the first request with this key is still in flight');
  if (row.request_hash !== requestHash) throw new HttpError(422, 'Idempotency-Key: already used with a different request body');
  if (row.state === 'in_flight') throw new HttpError(409, 'Idempotency-Key: the first request with this key is still in flight');
  return { replay: true, status: row.response_status, body: readJson(row.response_body) };
}

/**
 * Idempotency-Key records, one per (caller, key), guarded by a unique index so that two instances
 * racing on the same key cannot both run the request. Raw SQL (one statement per step): this sits
 * on the check-in hot path and the rows are hidden from the Content Manager.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const t = () => table(strapi, UID.idem);
  const k = () => strapi.db.connection;
  return {
    /** The key row as first inserted (in flight), for callers that insert it inside a larger statement. */
    row(scope: string, key: string, requestHash: string, now = new Date()) {
      return { ...documentColumns(now), scope, key, request_hash: requestHash, state: 'in_flight' };
    },
    async begin(scope: string, key: string, requestHash: string, now = new Date()): Promise<Begin> {
      try {
        // No SELECT first: the insert itself is the lock, so two racing requests cannot both pass.
        await k()(t()).insert(this.row(scope, key, requestHash, now));
        return { replay: false };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
      return this.existing(scope, key, requestHash);
    },
    /** The key was already taken: replay its response, or refuse (another body 422, still running 409). */
    async existing(scope: string, key: string, requestHash: string): Promise<Begin> {
      return judge(await k()(t()).where({ scope, key }).first('request_hash', 'state', 'response_status', 'response_body'), requestHash);
    },

    /** The UPDATE that stores the response; `db` lets the caller run it inside its own transaction or statement. */
    finishQuery(scope: string, key: string, status: number, body: unknown, db: (tableName: string) => any = k(), now = new Date()) {
      return db(t()).where({ scope, key }).update({ state: 'done', response_status: status, response_body: JSON.stringify(body), updated_at: now });
    },
    async finish(scope: string, key: string, status: number, body: unknown) {
      await this.finishQuery(scope, key, status, body);
    },
    /** An unexpected failure must not pin the key: the client may retry it. */
    async abandon(scope: string, key: string) {
      await k()(t()).where({ scope, key }).del();
    },
  };
};
