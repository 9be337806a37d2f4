import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import Redis from 'ioredis';
import { createHash, randomUUID } from 'crypto';
import { knexOf } from '../db';
import { bumpVersions, readVersions, versionsMigration, type Version } from './versions';
import { encode, type Encoded } from './encoding';

export interface CachedEntry {
  etag: string;
  /** epoch milliseconds, whole seconds (HTTP dates have no more) */
  lastModified: number;
  type: string;
  /** serialised once, when stored: a hit writes these bytes as they are */
  body: Buffer;
  /** the response headers of a hit (validators, Cache-Control, Vary), built once */
  headers: Record<string, string>;
  scopes: string[];
  audience: 'public' | 'staff';
  /** staff: the admin actions the route's policy requires (the fast path admits by them) */
  actions?: string[];
  /** seconds, for an answer that also depends on the clock (CacheRule.window) */
  window?: number;
  /** gzip and brotli copies, made once after the entry is stored (null: identity only) */
  encoded?: Promise<Encoded | null>;
  /** the cache generation under which the ETag was last confirmed from remembered versions */
  confirmed?: number;
}

/** The admin a staff answer is built for: what the organisation scope needs to tell variants apart. */
export interface StaffUser {
  id: number;
  email?: string;
  roles?: Array<{ code?: string }>;
}

export interface Validators {
  etag: string;
  lastModified: number;
  /**
   * The cache generation the versions were remembered under (Redis mode, nothing forgotten while
   * reading): while it stays current the ETag stays current, and a hit need not hash it again.
   */
  stamp?: number;
}

const CHANNEL = 'grassroots:kit:cache';

/** Entry keys are `audience|variant|url`; the URL may itself contain `|`. */
export const cacheKey = (audience: CachedEntry['audience'], variant: string, url: string) =>
  `${audience}|${variant}|${url}`;
const urlOf = (key: string) => key.slice(key.indexOf('|', key.indexOf('|') + 1) + 1);
const MAX_ENTRIES = 2000;
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * The response cache of one instance. Entries are keyed by URL (and audience/variant) and carry the
 * ETag they were built under, so an entry is served only while the versions of its scopes are
 * unchanged. With REDIS_URL, versions are remembered in memory and other instances are told of
 * every change through pub/sub; without it (or while Redis is away) they are read from the
 * database on every request, one primary-key lookup.
 */
export class HttpCache {
  private readonly entries = new Map<string, CachedEntry>();
  /** bytes each entry holds (body and compressed copies) */
  private readonly sizes = new Map<string, number>();
  /** staff URLs: how many entries each has and the actions its route requires (the fast path admits by them) */
  private readonly staffUrls = new Map<string, { count: number; actions: string[] }>();
  private bytes = 0;
  /** what else a staff answer depends on for a user (their organisation); one copy for all until set */
  private variantOf: (user: StaffUser) => Promise<string> = async () => '';
  private readonly memo = new Map<string, Version>();
  /** Bumped whenever memo entries are dropped: a read that started before must not memoize. */
  private generation = 0;
  private memoOn = false;
  private publisher?: Redis;
  private subscriber?: Redis;
  private readonly instanceId = randomUUID();
  private started?: Promise<void>;

  constructor(private readonly strapi: Core.Strapi) {}

  get mode(): 'redis' | 'database' {
    return this.memoOn ? 'redis' : 'database';
  }

  private get knex(): Knex {
    return knexOf(this.strapi);
  }

  start(): Promise<void> {
    this.started ??= this.connect();
    return this.started;
  }

  private async connect(): Promise<void> {
    const url = process.env.REDIS_URL;
    if (!url) return;
    this.publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    this.subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    await this.subscriber.subscribe(CHANNEL);
    this.subscriber.on('message', (_channel: string, raw: string) => {
      const msg = JSON.parse(raw) as { from: string; scopes: string[] };
      if (msg.from !== this.instanceId) this.forget(msg.scopes);
    });
    // While the subscription is down, messages are lost: read versions from the database instead.
    const off = () => {
      this.memoOn = false;
      this.forget(null);
    };
    this.subscriber.on('error', off);
    this.subscriber.on('close', off);
    // Entries confirmed before the switch were read from the database: confirm them again.
    const on = () => {
      this.generation += 1;
      this.memoOn = true;
    };
    this.subscriber.on('ready', on);
    on();
    this.strapi.log.info('[kit] HTTP cache: invalidation broadcast through Redis');
  }

  async stop(): Promise<void> {
    this.memoOn = false;
    const quit = (r?: Redis) => r?.quit().catch(() => undefined);
    await Promise.all([quit(this.publisher), quit(this.subscriber)]);
    this.publisher = undefined;
    this.subscriber = undefined;
    this.started = undefined;
    this.forget(null);
  }

  private async versions(scopes: string[]): Promise<Map<string, Version>> {
    if (this.memoOn && scopes.every((s) => this.memo.has(s))) return this.memo;
    const generation = this.generation;
    await this.start();
    const read = await readVersions(this.knex, scopes);
    if (this.memoOn && generation === this.generation) for (const [s, v] of read) this.memo.set(s, v);
    return read;
  }

  /** The ETag and Last-Modified of `key` under the current versions of its scopes. */
  async validators(key: string, scopes: string[]): Promise<Validators> {
    const generation = this.generation;
    const remembered = this.memoOn;
    const versions = await this.versions(scopes);
    let changed = 0;
    const parts = scopes.map((s) => {
      const v = versions.get(s);
      changed = Math.max(changed, v?.changedAt ?? 0);
      return `${s}:${v?.version ?? 0}`;
    });
    const digest = createHash('sha1')
      .update(`${key}|${parts.join(',')}`)
      .digest('base64url')
      .slice(0, 27);
    const stamp = remembered && this.memoOn && generation === this.generation ? generation : undefined;
    return { etag: `W/"${digest}"`, lastModified: Math.floor(changed / 1000) * 1000, stamp };
  }

  /**
   * True when the entry's ETag is known current without reading versions: it was confirmed from
   * remembered versions and nothing has been forgotten since (any change to its scopes, here or on
   * another instance, forgets them and bumps the generation).
   */
  current(entry: CachedEntry): boolean {
    return this.memoOn && entry.confirmed === this.generation;
  }

  get(key: string): CachedEntry | undefined {
    return this.entries.get(key);
  }

  /** Registers what staff answers vary by (the organisation scope module does). */
  setStaffVariant(resolver: (user: StaffUser) => Promise<string>): void {
    this.variantOf = resolver;
  }

  staffVariant(user: StaffUser): Promise<string> {
    return this.variantOf(user);
  }

  /** The actions the route of a staff-cached URL requires; undefined when no staff answer is held for it. */
  staffActions(url: string): string[] | undefined {
    return this.staffUrls.get(url)?.actions;
  }

  set(key: string, entry: CachedEntry): void {
    this.drop(key);
    while (this.entries.size >= MAX_ENTRIES || (this.entries.size && this.bytes + entry.body.length > MAX_BYTES)) {
      this.drop(this.entries.keys().next().value as string);
    }
    this.entries.set(key, entry);
    this.resize(key, entry.body.length);
    entry.encoded = encode(entry.body).then((copies) => {
      if (copies && this.entries.get(key) === entry)
        this.resize(key, entry.body.length + copies.br.length + copies.gzip.length);
      return copies;
    });
    if (entry.audience === 'staff' && entry.actions) {
      const url = urlOf(key);
      this.staffUrls.set(url, { count: (this.staffUrls.get(url)?.count ?? 0) + 1, actions: entry.actions });
    }
  }

  private resize(key: string, size: number): void {
    this.bytes += size - (this.sizes.get(key) ?? 0);
    this.sizes.set(key, size);
  }

  private drop(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.bytes -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
    this.entries.delete(key);
    const held = old.audience === 'staff' ? this.staffUrls.get(urlOf(key)) : undefined;
    if (!held) return;
    if (held.count > 1) held.count -= 1;
    else this.staffUrls.delete(urlOf(key));
  }

  /** Forgets remembered versions and entries of the scopes (null: everything). */
  private forget(scopes: string[] | null): void {
    this.generation += 1;
    if (!scopes) {
      this.memo.clear();
      this.entries.clear();
      this.sizes.clear();
      this.staffUrls.clear();
      this.bytes = 0;
      return;
    }
    for (const s of scopes) this.memo.delete(s);
    for (const [key, entry] of this.entries) if (entry.scopes.some((s) => scopes.includes(s))) this.drop(key);
  }

  /**
   * Marks the data behind the scopes as changed. Inside a Strapi transaction the new versions
   * commit with the change itself; this instance and the others forget the old ones after commit.
   */
  async touch(scopes: string[]): Promise<void> {
    if (!scopes.length) return;
    await this.start();
    await this.strapi.db.transaction(async ({ trx, onCommit }) => {
      await bumpVersions(trx as unknown as Knex, scopes);
      onCommit(() => this.announce(scopes));
    });
  }

  private announce(scopes: string[]): void {
    this.forget(scopes);
    this.publisher
      ?.publish(CHANNEL, JSON.stringify({ from: this.instanceId, scopes }))
      .catch((err: Error) => this.strapi.log.warn(`[kit] Redis publish failed: ${err.message}`));
  }
}

const KEY = 'grassroots-kit.http-cache';

/** Registers the version table's migration: call from the app's register(), before the database starts. */
export function registerCacheTable(strapi: Core.Strapi): void {
  strapi.db.migrations.providers.internal.register(
    versionsMigration as Parameters<typeof strapi.db.migrations.providers.internal.register>[0],
  );
}

/** The instance's one cache, kept in Strapi's container: every plugin bundles the kit, all share this. */
export function httpCache(strapi: Core.Strapi): HttpCache {
  if (!strapi.has(KEY)) strapi.add(KEY, new HttpCache(strapi));
  return strapi.get(KEY) as HttpCache;
}
