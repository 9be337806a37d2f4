import type { Core } from '@strapi/strapi';
import { setEntry } from '../lib/http-cache';
import { CACHE_CONTROL, answerConditional, cacheable } from '../lib/conditional';

/**
 * Route middleware of the public notice routes: ETag / Last-Modified / 304, and it fills the
 * response cache with what the full route pipeline (auth, published-only, controller) built.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    if (!cacheable(ctx)) return next();
    const { etag, lastModified, answered } = await answerConditional(strapi, ctx);
    if (answered) return;
    await next();
    if (ctx.status === 200 && ctx.body !== undefined && ctx.body !== null) {
      const body = typeof ctx.body === 'string' ? ctx.body : JSON.stringify(ctx.body);
      const type = typeof ctx.body === 'string' ? ctx.response.get('Content-Type') || 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
      setEntry(ctx.originalUrl, { etag, lastModified, type, body });
      ctx.set('ETag', etag);
      ctx.set('Last-Modified', lastModified.toUTCString());
      ctx.set('Cache-Control', CACHE_CONTROL);
    }
  };
};
