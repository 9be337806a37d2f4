import type { Core } from '@strapi/strapi';
import Redis from 'ioredis';
import { randomUUID } from 'crypto';
import { readValidators, type Validators } from './validators';

/**
 * Response cache of the public notice routes. Entries are keyed by URL and tagged with the
 * ETag they were built under, so a stale entry is never served: when the validators change,
 * the entry no longer matches. Invalidation (a notice created, edited, published, unpublished,
 * deleted) drops everything at once through a document-service middleware, and, with REDIS_URL,
 * reaches every other instance through Redis pub/sub. Without Redis the validators are read from
 * the database on every request, which keeps instances correct without any broadcast.
 */
export interface CachedResponse {
  etag: string;
  lastModified: Date;
  type: string;
  body: string;
}

const CHANNEL = 'grassroots:notices:invalidate';
const MAX_ENTRIES = 500;
const instanceId = randomUUID();

const entries = new Map<string, CachedResponse>();
let memo: Validators | undefined;
let publisher: Redis | undefined;
let subscriber: Redis | undefined;

export const cacheMode = (): 'redis' | 'database' => (publisher ? 'redis' : 'database');

function dropLocal(): void {
  entries.clear();
  memo = undefined;
}

export async function currentValidators(strapi: Core.Strapi): Promise<Validators> {
  if (publisher && memo) return memo;
  const v = await readValidators(strapi);
  if (publisher) memo = v;
  return v;
}

export const getEntry = (key: string) => entries.get(key);

export function setEntry(key: string, value: CachedResponse): void {
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, value);
}

/** Drops the cache here and tells the other instances. */
export function invalidate(strapi: Core.Strapi): void {
  dropLocal();
  publisher?.publish(CHANNEL, instanceId).catch((err) => strapi.log.warn(`[notices] Redis publish failed: ${err.message}`));
}

export async function startInvalidationBus(strapi: Core.Strapi): Promise<void> {
  const url = process.env.REDIS_URL;
  if (!url) return;
  publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe(CHANNEL);
  subscriber.on('message', (_channel: string, from: string) => {
    if (from !== instanceId) dropLocal();
  });
  // If Redis goes away, fall back to reading validators from the database on every request.
  subscriber.on('error', () => {
    memo = undefined;
  });
  strapi.log.info('[notices] cache invalidation broadcast through Redis');
}

export async function stopInvalidationBus(): Promise<void> {
  await Promise.all([publisher?.quit().catch(() => undefined), subscriber?.quit().catch(() => undefined)]);
  publisher = undefined;
  subscriber = undefined;
  dropLocal();
}
