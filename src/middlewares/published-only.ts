import type { Core } from '@strapi/strapi';
import type { Ctx } from '../packages/kit/server';

/**
 * Strapi 5 returns drafts to any role holding `find` when the query says `status=draft`.
 * Only a full-access API token (a trusted back end previewing drafts) may ask for drafts;
 * every other caller is pinned to published documents.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => {
  return async (ctx: Ctx, next: () => Promise<void>) => {
    const auth = ctx.state?.auth as { strategy?: { name?: string }; credentials?: { type?: string } } | undefined;
    const tokenStrategy = ['content-api-token', 'api-token'].includes(auth?.strategy?.name ?? '');
    const trusted = tokenStrategy && auth?.credentials?.type === 'full-access';
    if (!trusted) {
      ctx.query = { ...ctx.query, status: 'published' };
    }
    await next();
  };
};
