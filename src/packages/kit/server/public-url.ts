import type { Core } from '@strapi/strapi';

/**
 * The absolute base of links the app writes into answers that are cached and shared (feeds, the
 * widget's data). It comes from configuration only: the request's Host is chosen by the caller,
 * and one forged Host would otherwise become the link every later reader of the cached copy gets.
 * Without PUBLIC_URL (development, tests) the server's own port on localhost stands in.
 */
export function publicUrl(strapi: Core.Strapi): string {
  const configured = String(strapi.config.get('server.url') ?? '');
  if (/^https?:\/\/[^/]/.test(configured)) return configured.replace(/\/+$/, '');
  return `http://localhost:${strapi.config.get('server.port', 1337)}`;
}

/** In production the app refuses to start without an absolute PUBLIC_URL (called in register). */
export function requirePublicUrl(strapi: Core.Strapi): void {
  if (process.env.NODE_ENV !== 'production') return;
  const configured = String(strapi.config.get('server.url') ?? '');
  if (!/^https?:\/\/[^/]/.test(configured))
    throw new Error(
      'PUBLIC_URL must be set in production to the absolute address readers use (e.g. PUBLIC_URL=https://dangjian.example.gov.cn): ' +
        'feeds and the widget carry absolute links, and they are never built from the request Host. ' +
        '生产环境必须设置 PUBLIC_URL（对外访问的完整地址）。',
    );
}
