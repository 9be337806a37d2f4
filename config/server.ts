import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Absolute URLs (feeds, widget, webhooks) are built from this; behind a load balancer set it.
  url: env('PUBLIC_URL', ''),
  // Strapi reads `proxy.koa` (a bare boolean here was ignored). Behind one reverse proxy the client
  // address is the last X-Forwarded-For entry (the one the proxy appended): a forged prefix is skipped.
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: env.int('PROXY_TRUSTED_HOPS', 1) },
  app: {
    keys: env.array('APP_KEYS'),
  },
});
