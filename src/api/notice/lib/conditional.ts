import type { Core } from '@strapi/strapi';
import { currentValidators, getEntry } from './http-cache';
import { etagFor } from './validators';

// Browsers revalidate every time (cheap 304s); a CDN may hold a response for 30 s.
export const CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=30, must-revalidate';

const matches = (header: string | undefined, etag: string) =>
  !!header && header.split(',').map((s) => s.trim().replace(/^W\//, '')).includes(etag.replace(/^W\//, ''));

export interface Conditional {
  etag: string;
  lastModified: Date;
  /** true when the response is complete (304 or a cached body) */
  answered: boolean;
}

/** Anonymous GETs only: an authenticated caller (a token may preview drafts) is never cached. */
export const cacheable = (ctx: any): boolean => ctx.method === 'GET' && !ctx.request.header.authorization;

/**
 * Sets the validators and Cache-Control, then answers 304 when the caller's copy is current,
 * or the cached body when this URL was already built under the same validators.
 */
export async function answerConditional(strapi: Core.Strapi, ctx: any): Promise<Conditional> {
  // originalUrl: middlewares (published-only) rewrite ctx.query, hence ctx.url.
  const key = ctx.originalUrl as string;
  const v = await currentValidators(strapi);
  const etag = etagFor(key, v);
  const lastModified = new Date(Math.floor(v.lastModified.getTime() / 1000) * 1000);
  ctx.set('Cache-Control', CACHE_CONTROL);
  ctx.set('Vary', 'Accept-Encoding, Origin');
  ctx.set('ETag', etag);
  ctx.set('Last-Modified', lastModified.toUTCString());

  const inm = ctx.get('If-None-Match');
  const ims = ctx.get('If-Modified-Since');
  if (matches(inm, etag) || (!inm && ims && !Number.isNaN(Date.parse(ims)) && Date.parse(ims) >= lastModified.getTime())) {
    ctx.status = 304;
    ctx.body = null;
    return { etag, lastModified, answered: true };
  }
  const hit = getEntry(key);
  if (hit && hit.etag === etag) {
    ctx.status = 200;
    ctx.type = hit.type;
    ctx.body = hit.body;
    return { etag, lastModified, answered: true };
  }
  return { etag, lastModified, answered: false };
}
