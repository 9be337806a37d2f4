import type { Core } from '@strapi/strapi';
import type { Ctx } from '../packages/kit/server';
import { loginFailures } from '../bootstrap/login-failures';

/**
 * Strapi limits admin logins per e-mail (and path and address), so one address trying many
 * e-mails is never slowed. This limits failed admin authentications per client address: the
 * socket address, or with IS_PROXIED the address the trusted proxy reported (config/server.ts).
 * With REDIS_URL the count is shared by every instance. ADMIN_LOGIN_IP_LIMIT=0 turns it off.
 */
const PATHS = new Set(['/admin/login', '/admin/register', '/admin/forgot-password', '/admin/reset-password']);

export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => {
  return async (ctx: Ctx, next: () => Promise<void>) => {
    const limit = Number(process.env.ADMIN_LOGIN_IP_LIMIT ?? 20);
    if (ctx.method !== 'POST' || !PATHS.has(ctx.path) || !(limit > 0)) return next();
    const store = loginFailures();
    const key = ctx.request.ip;
    const seen = await store.count(key);
    if (seen.count >= limit) {
      ctx.set('Retry-After', String(Math.max(1, Math.ceil(seen.retryAfterMs / 1000))));
      ctx.status = 429;
      ctx.body = {
        data: null,
        error: {
          status: 429,
          name: 'RateLimitError',
          message: 'Too many failed sign-ins from this address; try again later (此地址登录失败次数过多，请稍后再试)',
          details: {},
        },
      };
      return;
    }
    try {
      await next();
    } finally {
      if (ctx.status >= 400) await store.fail(key);
    }
  };
};
