import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { UID } from './tables';
import { HttpError, isUniqueViolation } from './http-error';

export const hashBody = (body: unknown) => createHash('sha256').update(stableJson(body ?? {})).digest('hex');

function stableJson(v: any): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

type Begin = { replay: false } | { replay: true; status: number; body: unknown };

/**
 * Idempotency-Key records, one per (caller, key), guarded by a unique index so that two instances
 * racing on the same key cannot both run the request.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async begin(scope: string, key: string, requestHash: string): Promise<Begin> {
    try {
      await strapi.db.query(UID.idem as any).create({ data: { scope, key, requestHash, state: 'in_flight' } });
      return { replay: false };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const row: any = await strapi.db.query(UID.idem as any).findOne({ where: { scope, key } });
    if (!row) throw new HttpError(409, 'Idempotency-Key: the first request with this key is still in flight');
    if (row.requestHash !== requestHash) throw new HttpError(422, 'Idempotency-Key: already used with a different request body');
    if (row.state === 'in_flight') throw new HttpError(409, 'Idempotency-Key: the first request with this key is still in flight');
    return { replay: true, status: row.responseStatus, body: row.responseBody };
  },
  async finish(scope: string, key: string, status: number, body: unknown) {
    await strapi.db.query(UID.idem as any).update({ where: { scope, key }, data: { state: 'done', responseStatus: status, responseBody: body } });
  },
  /** An unexpected failure must not pin the key: the client may retry it. */
  async abandon(scope: string, key: string) {
    await strapi.db.query(UID.idem as any).delete({ where: { scope, key } });
  },
});
