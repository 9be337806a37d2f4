import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { conflict, mismatch, readJson, tableOf } from '@grassroots/kit/server';
import { UID } from '../uids';

/**
 * Idempotency-Key records, one per (caller, key), guarded by a unique index so that two instances
 * racing on the same key cannot both run the request. Written in the same unit of work as the
 * check-in, holding its answer (services/submit-check-in.ts); hidden from the Content Manager.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v as Json);
}

/** The request's fingerprint: the same body in any key order hashes the same. */
export const hashBody = (body: unknown) =>
  createHash('sha256')
    .update(stableJson(body ?? {}))
    .digest('hex');

/** A key row as the answer for a later request reads it. */
export interface KeyRow {
  request_hash: string;
  state: string;
  response_status: number;
  response_body: unknown;
}

export interface Replay {
  status: number;
  body: unknown;
}

const IN_FLIGHT = 'the first request with this key is still in flight (相同标识的请求仍在处理中)';

/** What a request meets when its key is already taken by `row` (none: taken by a request that is still being written). */
export function judge(row: KeyRow | null | undefined, requestHash: string): Replay {
  // PostgreSQL: the key committed while our statement waited for it, so our snapshot cannot show it.
  if (!row) throw conflict('Idempotency-Key', IN_FLIGHT);
  if (row.request_hash !== requestHash)
    throw mismatch('Idempotency-Key', 'already used with a different request body (该标识已用于另一内容的请求)');
  // Keys are written with their answer; in_flight rows come from versions before 2026-12-01.
  if (row.state === 'in_flight') throw conflict('Idempotency-Key', IN_FLIGHT);
  return { status: Number(row.response_status), body: readJson(row.response_body) };
}

const keys = (strapi: Core.Strapi) => tableOf(strapi, UID.idem);

/** SQLite: the key row with its answer, in the caller's transaction (a taken key is a unique violation). */
export const insertKey = (
  trx: Knex.Transaction,
  strapi: Core.Strapi,
  k: { documentId: string; scope: string; key: string; requestHash: string; status: number; body: unknown; now: Date },
) =>
  trx(keys(strapi)).insert({
    document_id: k.documentId,
    created_at: k.now,
    updated_at: k.now,
    published_at: k.now,
    scope: k.scope,
    key: k.key,
    request_hash: k.requestHash,
    state: 'done',
    response_status: k.status,
    response_body: JSON.stringify(k.body),
  });

/** The key's row as `judge` reads it. */
export const findKey = async (
  trx: Knex.Transaction,
  strapi: Core.Strapi,
  scope: string,
  key: string,
): Promise<KeyRow | undefined> =>
  (await trx(keys(strapi)).where({ scope, key }).first('request_hash', 'state', 'response_status', 'response_body')) as
    KeyRow | undefined;

/** Replaces the answer stored under a key (the check-in was refused after the key went in). */
export const answerKey = (
  trx: Knex.Transaction,
  strapi: Core.Strapi,
  scope: string,
  key: string,
  status: number,
  body: unknown,
  now: Date,
) =>
  trx(keys(strapi))
    .where({ scope, key })
    .update({ response_status: status, response_body: JSON.stringify(body), updated_at: now });
