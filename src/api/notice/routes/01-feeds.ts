import { z } from 'zod';
import { cached } from '../../../packages/kit/server';
import { NOTICE_CACHE } from '../lib/lifecycle';

// Who may call: anyone (auth: false); published notices only. Declared before the core router
// (file order) so that /notices/feed.rss is not taken for /notices/:id.
const query = {
  category: z.enum(['notice', 'announcement', 'publicity', 'news']).optional().describe('通知类别'),
  grid: z.string().optional().describe('网格 documentId 或编码：只含面向该网格或面向全部的通知'),
  branch: z.string().optional().describe('党组织 documentId 或编码'),
};
const feed = (format: 'rss' | 'atom' | 'json') => ({
  method: 'GET' as const,
  path: `/notices/feed.${format}`,
  handler: `feed.${format}`,
  config: { auth: false as const, middlewares: [cached(NOTICE_CACHE)] },
  request: { query },
  response: z
    .string()
    .describe(
      `${format === 'json' ? 'JSON Feed 1.1' : format === 'rss' ? 'RSS 2.0' : 'Atom 1.0'} document, newest first, at most 50 items`,
    ),
});

export default {
  routes: [feed('rss'), feed('atom'), feed('json')],
};
