import { publicUrl, type Ctx } from '../../../packages/kit/server';
import { parseChannelQuery } from '../lib/audience';
import { FEED_MEDIA_TYPES, latestNotices, renderFeed, type FeedFormat } from '../lib/channel';

const handler = (format: FeedFormat) => async (ctx: Ctx) => {
  const q = parseChannelQuery(ctx.query ?? {});
  const notices = await latestNotices(strapi, q);
  const search = new URLSearchParams(Object.entries(q).filter(([, v]) => v) as Array<[string, string]>).toString();
  ctx.type = `${FEED_MEDIA_TYPES[format]}; charset=utf-8`;
  ctx.body = renderFeed(format, publicUrl(strapi), search ? `?${search}` : '', notices);
};

export default {
  rss: handler('rss'),
  atom: handler('atom'),
  json: handler('json'),
};
