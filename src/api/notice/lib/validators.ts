import type { Core } from '@strapi/strapi';
import { createHash } from 'crypto';

export interface Validators {
  count: number;
  lastModified: Date;
}

/**
 * The state of the published notice set, from ONE indexed query (notices_published_updated_idx):
 * every instance behind a load balancer computes the same validators, so their ETags agree.
 */
export async function readValidators(strapi: Core.Strapi): Promise<Validators> {
  const row = await strapi.db
    .connection('notices')
    .whereNotNull('published_at')
    .count({ n: '*' })
    .max({ m: 'updated_at' })
    .first();
  const raw = (row as { n?: number | string; m?: string | number | Date } | undefined) ?? {};
  const m = raw.m === null || raw.m === undefined ? 0 : raw.m;
  return { count: Number(raw.n ?? 0), lastModified: new Date(typeof m === 'string' && /^\d+$/.test(m) ? Number(m) : m) };
}

export const etagFor = (key: string, v: Validators): string =>
  `W/"${createHash('sha1').update(`${key}|${v.count}|${v.lastModified.getTime()}`).digest('base64url').slice(0, 27)}"`;
