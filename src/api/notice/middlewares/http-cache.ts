import type { Core } from '@strapi/strapi';
import { currentValidators, getEntry, setEntry } from '../lib/http-cache';
import { etagFor } from '../lib/validators';

// Browsers revalidate every time (cheap 304s); a CDN may hold a response for 30 s.
export const CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=30, must-revalidate';

const matches = (header: string | undefined, etag: string) =>
  !!header && header.split(',').map((s) => s.trim().replace(/^W\//, '')).includes(etag.replace(/^W\//, ''));

/**
 * ETag / Last-Modified / 304 and a response cache for anonymous callers of the public notice
 * routes. Authenticated callers (tokens may preview drafts) bypass the cache entirely.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    if (ctx.method !== 'GET' || ctx.request.header.authorization) return next();
    const key = ctx.url as string;
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
      return;
    }
    const hit = getEntry(key);
    if (hit && hit.etag === etag) {
      ctx.type = hit.type;
      ctx.body = hit.body;
      return;
    }
    await next();
    if (ctx.status === 200 && ctx.body !== undefined && ctx.body !== null) {
      const body = typeof ctx.body === 'string' ? ctx.body : JSON.stringify(ctx.body);
      const type = typeof ctx.body === 'string' ? (ctx.response.get('Content-Type') || 'text/plain; charset=utf-8') : 'application/json; charset=utf-8';
      setEntry(key, { etag, lastModified, type, body });
      ctx.set('ETag', etag);
      ctx.set('Last-Modified', lastModified.toUTCString());
      ctx.set('Cache-Control', CACHE_CONTROL);
    }
  };
};
