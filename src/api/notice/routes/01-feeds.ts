import { z } from 'zod';
import { cached } from '../../../packages/kit/server';
import { NOTICE_CACHE } from '../lib/lifecycle';
import { FEED_MEDIA_TYPES, FEED_SIZE, type FeedFormat } from '../lib/channel';

// Who may call: anyone (auth: false); published notices only. Declared before the core router
// (file order) so that /notices/feed.rss is not taken for /notices/:id.
const query = {
  category: z.enum(['notice', 'announcement', 'publicity', 'news']).optional().describe('通知类别'),
  grid: z.string().optional().describe('网格 documentId 或编码：只含面向该网格或面向全部的通知'),
  branch: z.string().optional().describe('党组织 documentId 或编码'),
};
// JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the fields our feed writes.
const jsonFeed = z.object({
  version: z.string(),
  title: z.string(),
  home_page_url: z.string().optional(),
  feed_url: z.string().optional(),
  description: z.string().optional(),
  language: z.string().optional(),
  items: z.array(
    z
      .object({
        id: z.string(),
        url: z.string().optional(),
        title: z.string().optional(),
        summary: z.string().optional(),
        content_html: z.string().optional(),
        date_published: z.string().optional(),
        date_modified: z.string().optional(),
      })
      .loose(),
  ),
});
const LABEL: Record<FeedFormat, string> = { rss: 'RSS 2.0', atom: 'Atom 1.0', json: 'JSON Feed 1.1' };
// `x-media-type` moves the answer under its own media type in the document (scripts/lib/openapi-normalise.js).
const feed = (format: FeedFormat) => ({
  method: 'GET' as const,
  path: `/notices/feed.${format}`,
  handler: `feed.${format}`,
  config: { auth: false as const, middlewares: [cached(NOTICE_CACHE)] },
  request: { query },
  response: (format === 'json' ? jsonFeed.loose() : z.string())
    .describe(`${LABEL[format]} document, newest first, at most ${FEED_SIZE} items`)
    .meta({ 'x-media-type': FEED_MEDIA_TYPES[format] }),
});

export default {
  routes: [feed('rss'), feed('atom'), feed('json')],
};
