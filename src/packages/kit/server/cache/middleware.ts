import type { Core } from '@strapi/strapi';
import type { Middleware } from 'koa';
import type { Ctx } from '../http';
import { cacheKey, httpCache, type CachedEntry, type StaffUser, type Validators } from './store';
import { codingOf } from './encoding';
import { admit, requiredActions, staffToken } from './staff';

/** What a cached route declares: the scopes its answer is built from, and who shares one copy. */
export interface CacheRule {
  /** content type uids or named read models whose change makes the answer stale */
  scopes: string[];
  /**
   * `public`: anonymous GETs share one copy per URL (a caller with a token is never cached: it may
   * see more). `staff`: admin routes, cached after Strapi's policies ran, one copy per URL and variant.
   */
  audience: 'public' | 'staff';
  /**
   * Seconds: the answer also depends on the clock (e.g. "activities not yet over"). The copy and its
   * ETag then change at least once per window, and Last-Modified is never older than the window's start.
   */
  window?: number;
}

// Browsers revalidate every time (cheap 304s); a shared cache in front may keep a public answer 30 s.
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=30, must-revalidate';
export const STAFF_CACHE_CONTROL = 'private, no-cache';

// X-Cache says where an answer came from: HIT (before routing, by a fast path), HIT-ROUTED (after
// authentication and policies), MISS (built by the controller). Diagnostics only.

/**
 * The validators of an answer: its scopes' versions, and for a clock-dependent answer the current
 * window. A held entry whose ETag is known current (see HttpCache.current) skips the hashing.
 */
async function validatorsOf(
  cache: ReturnType<typeof httpCache>,
  key: string,
  scopes: string[],
  window?: number,
  hit?: CachedEntry,
): Promise<Validators> {
  if (hit && !window && cache.current(hit)) return hit;
  if (!window) {
    const v = await cache.validators(key, scopes);
    if (hit && hit.etag === v.etag) hit.confirmed = v.stamp;
    return v;
  }
  const start = Math.floor(Date.now() / (window * 1000)) * window * 1000;
  const v = await cache.validators(`${key}|t${start}`, scopes);
  return { etag: v.etag, lastModified: Math.max(v.lastModified, start) };
}

const etagMatches = (header: string | undefined, etag: string) =>
  !!header &&
  header
    .split(',')
    .map((s) => s.trim().replace(/^W\//, ''))
    .includes(etag.replace(/^W\//, ''));

function validatorHeaders(v: Validators, audience: CacheRule['audience']): Record<string, string> {
  return {
    'Cache-Control': audience === 'public' ? PUBLIC_CACHE_CONTROL : STAFF_CACHE_CONTROL,
    Vary: audience === 'public' ? 'Accept-Encoding, Origin' : 'Accept-Encoding, Origin, Authorization',
    ETag: v.etag,
    'Last-Modified': new Date(v.lastModified).toUTCString(),
  };
}

/**
 * 304 when the caller's copy is current, else the stored bytes when they were built under the same
 * ETag, in the coding the caller accepts (brotli or gzip, made when stored; identity otherwise).
 */
async function answerFromCache(ctx: Ctx, v: Validators, hit: CachedEntry | undefined): Promise<boolean> {
  const inm = ctx.get('If-None-Match');
  const ims = ctx.get('If-Modified-Since');
  const fresh = inm
    ? etagMatches(inm, v.etag)
    : !!ims && !Number.isNaN(Date.parse(ims)) && Date.parse(ims) >= v.lastModified;
  if (fresh) {
    ctx.status = 304;
    ctx.body = null;
    return true;
  }
  if (!hit || hit.etag !== v.etag) return false;
  ctx.status = 200;
  // Content-Type before the body: Koa would otherwise type a Buffer as application/octet-stream.
  ctx.set('Content-Type', hit.type);
  const coding = hit.encoded ? codingOf(ctx) : 'identity';
  const copies = coding === 'identity' ? null : await hit.encoded;
  if (copies && coding !== 'identity') {
    // Strapi's compression middleware (koa-compress), if enabled, leaves an encoded body alone.
    ctx.set('Content-Encoding', coding);
    ctx.body = copies[coding];
  } else {
    ctx.body = hit.body;
  }
  return true;
}

const anonymousGet = (ctx: Ctx) => (ctx.method === 'GET' || ctx.method === 'HEAD') && !ctx.request.header.authorization;

/**
 * Route middleware (config.middlewares of a route): answers from the cache or fills it with what the
 * route built. It runs after Strapi's authentication and policies, so a staff answer is only ever
 * served to a caller the route admitted.
 */
export function cached(rule: CacheRule): Middleware {
  return async (koaCtx, next) => {
    const ctx = koaCtx as Ctx;
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (rule.audience === 'public' && !anonymousGet(ctx)) return next();
    const cache = httpCache(strapi);
    // originalUrl: middlewares (published-only) may rewrite ctx.query, never the URL the caller sent.
    const user = ctx.state.user as StaffUser | undefined;
    const variant = rule.audience === 'staff' && user ? await cache.staffVariant(user) : '';
    const key = cacheKey(rule.audience, variant, ctx.originalUrl);
    const held = cache.get(key);
    const v = await validatorsOf(cache, key, rule.scopes, rule.window, held);
    const headers = validatorHeaders(v, rule.audience);
    ctx.set(headers);
    if (await answerFromCache(ctx, v, held)) {
      ctx.set('X-Cache', 'HIT-ROUTED');
      return;
    }
    ctx.set('X-Cache', 'MISS');
    await next();
    if (ctx.status !== 200 || ctx.body === null || ctx.body === undefined || Buffer.isBuffer(ctx.body)) return;
    if (typeof (ctx.body as { pipe?: unknown }).pipe === 'function') return;
    const text = typeof ctx.body === 'string';
    const body = Buffer.from(text ? (ctx.body as string) : JSON.stringify(ctx.body));
    const type = text
      ? ctx.response.get('Content-Type') || 'text/plain; charset=utf-8'
      : 'application/json; charset=utf-8';
    const actions = rule.audience === 'staff' ? (requiredActions(ctx) ?? undefined) : undefined;
    cache.set(key, {
      etag: v.etag,
      lastModified: v.lastModified,
      confirmed: v.stamp,
      type,
      body,
      headers,
      scopes: rule.scopes,
      audience: rule.audience,
      actions,
      window: rule.window,
    });
    ctx.set(headers);
  };
}

/**
 * Global middleware in front of the router: an anonymous GET whose URL a public route already
 * answered under the current versions is served here (or answered 304) without authentication,
 * routing and the controller. Misses fall through to the full pipeline.
 */
export function publicFastPath(strapi: Core.Strapi): Middleware {
  return async (koaCtx, next) => {
    const ctx = koaCtx as Ctx;
    if (!anonymousGet(ctx)) return next();
    const cache = httpCache(strapi);
    const key = cacheKey('public', '', ctx.originalUrl);
    const hit = cache.get(key);
    if (!hit) return next();
    const v = await validatorsOf(cache, key, hit.scopes, hit.window, hit);
    if (hit.etag !== v.etag) return next();
    ctx.set(hit.window ? validatorHeaders(v, 'public') : hit.headers);
    ctx.set('X-Cache', 'HIT');
    if (!(await answerFromCache(ctx, v, hit))) await next();
  };
}

/**
 * Global middleware in front of the router, for staff reads: a GET with an admin access token whose
 * URL a staff route already answered is served here when one statement confirms what the route's
 * policy would (live session, active user, a role holding the route's action) — see staff.ts.
 * Strapi's admin authentication then does not rebuild the user's whole ability for a cached answer.
 */
export function staffFastPath(strapi: Core.Strapi): Middleware {
  return async (koaCtx, next) => {
    const ctx = koaCtx as Ctx;
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const cache = httpCache(strapi);
    const actions = cache.staffActions(ctx.originalUrl);
    if (!actions) return next();
    const token = staffToken(strapi, ctx.get('Authorization'));
    if (!token) return next();
    const user = await admit(strapi, token, actions);
    if (!user) return next();
    const key = cacheKey('staff', await cache.staffVariant(user), ctx.originalUrl);
    const hit = cache.get(key);
    if (!hit) return next();
    const v = await validatorsOf(cache, key, hit.scopes, hit.window, hit);
    if (hit.etag !== v.etag) return next();
    ctx.set(hit.window ? validatorHeaders(v, 'staff') : hit.headers);
    ctx.set('X-Cache', 'HIT');
    if (!(await answerFromCache(ctx, v, hit))) await next();
  };
}
