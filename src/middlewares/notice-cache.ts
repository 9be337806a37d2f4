import type { Core } from '@strapi/strapi';
import { answerConditional, cacheable } from '../api/notice/lib/conditional';

const PUBLIC_NOTICES = /^\/api\/notices(\/|\?|$)/;

/**
 * In front of the router: an anonymous GET of a public notice route that the route pipeline
 * already answered under the current validators is served here (or answered 304) without
 * running authentication and the controller again. Misses fall through to the full pipeline.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    if (!cacheable(ctx) || !PUBLIC_NOTICES.test(ctx.originalUrl)) return next();
    const { answered } = await answerConditional(strapi, ctx);
    if (!answered) await next();
  };
};
