import { publicUrl, type Ctx } from '../../../packages/kit/server';
import { parseChannelQuery } from '../lib/audience';
import { latestNotices, renderFeed, type FeedFormat } from '../lib/channel';

const TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const handler = (format: FeedFormat) => async (ctx: Ctx) => {
  const q = parseChannelQuery(ctx.query ?? {});
  const notices = await latestNotices(strapi, q);
  const search = new URLSearchParams(Object.entries(q).filter(([, v]) => v) as Array<[string, string]>).toString();
  ctx.type = TYPES[format];
  ctx.body = renderFeed(format, publicUrl(strapi), search ? `?${search}` : '', notices);
};

export default {
  rss: handler('rss'),
  atom: handler('atom'),
  json: handler('json'),
};
