import type { Ctx } from '../../../packages/kit/server';
import { parseChannelQuery } from '../lib/audience';
import { FEED_MEDIA_TYPES, latestNotices, renderFeed, type FeedFormat } from '../lib/channel';

/** Absolute base URL: PUBLIC_URL when configured, else the address the caller used. */
export const publicBase = (ctx: Ctx): string => {
  const configured = strapi.config.get('server.url') as string | undefined;
  return configured && /^https?:\/\//.test(configured) ? configured.replace(/\/$/, '') : ctx.origin;
};

const handler = (format: FeedFormat) => async (ctx: Ctx) => {
  const q = parseChannelQuery(ctx.query ?? {});
  const notices = await latestNotices(strapi, q);
  const search = new URLSearchParams(Object.entries(q).filter(([, v]) => v) as Array<[string, string]>).toString();
  ctx.type = `${FEED_MEDIA_TYPES[format]}; charset=utf-8`;
  ctx.body = renderFeed(format, publicBase(ctx), search ? `?${search}` : '', notices);
};

export default {
  rss: handler('rss'),
  atom: handler('atom'),
  json: handler('json'),
};
