import createClient from 'openapi-fetch';
import { stringify } from 'qs';
import type { paths } from './api';

/**
 * A street office's website reading the public API through types generated from the published
 * document (`npm run client:types`): a renamed field or a changed query fails `tsc`, not the site.
 */
export function streetApi(origin: string) {
  const client = createClient<paths>({
    baseUrl: `${origin.replace(/\/$/, '')}/api`,
    // Strapi reads nested query parameters (`sort[0][publishedAt]=desc`) the way qs writes them
    // (the document marks them `x-strapi-serialize: querystring`).
    querySerializer: (query) => stringify(query, { encodeValuesOnly: true }),
  });

  return {
    /** The newest published notices (通知公告), optionally of one category. */
    async latestNotices(category?: 'notice' | 'announcement' | 'publicity' | 'news', pageSize = 10) {
      const { data, error, response } = await client.GET('/notices', {
        params: {
          query: {
            sort: [{ publishedAt: 'desc' }],
            'pagination[pageSize]': pageSize,
            ...(category ? { filters: { category: { $eq: category } } } : {}),
          },
        },
      });
      if (!data) throw new Error(`notices: ${response.status} ${error?.error.message ?? ''}`);
      return {
        total: data.meta?.pagination?.total ?? data.data.length,
        notices: data.data.map((n) => ({ documentId: n.documentId, title: n.title, publishedAt: n.publishedAt })),
      };
    },

    /** The five-star ranking (五星支部排名) of a year. */
    async rankings(year: number, category?: 'urban' | 'rural') {
      const { data, error, response } = await client.GET('/star-scoring/rankings', {
        params: { query: { year, ...(category ? { category } : {}) } },
      });
      if (!data) throw new Error(`rankings: ${response.status} ${error?.error.message ?? ''}`);
      return data.data.map((r) => ({ rank: r.rank, branch: r.branch.name, level: r.level, stars: r.stars.length }));
    },
  };
}
