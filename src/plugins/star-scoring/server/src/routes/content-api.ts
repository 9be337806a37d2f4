import { z } from 'zod';
import { cachedRead } from '../cache';
import { documentId, rankingQuery, scorecardQuery } from '../validation';

const rankingRow = z.object({
  rank: z.number(),
  branch: z.object({ documentId: z.string(), name: z.string(), code: z.string(), category: z.string().nullable() }),
  level: z.number(),
  stars: z.array(z.string()),
  totalPoints: z.number(),
});

/** Public reads: anonymous callers share one cached copy per URL (ETag, Last-Modified, 304). */
export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET' as const,
      path: '/rankings',
      handler: 'public.rankings',
      config: { auth: false as const, middlewares: [cachedRead('rankings', 'public')] },
      request: { query: rankingQuery.shape },
      response: z.object({
        data: z.array(rankingRow),
        meta: z.object({ year: z.number(), page: z.number(), pageSize: z.number(), total: z.number() }),
      }),
    },
    {
      method: 'GET' as const,
      path: '/branches/:documentId/scorecard',
      handler: 'public.scorecard',
      config: { auth: false as const, middlewares: [cachedRead('scorecard', 'public')] },
      request: { params: { documentId }, query: scorecardQuery.shape },
      response: z.object({
        data: z.object({
          branch: z.any(),
          year: z.number(),
          level: z.number(),
          stars: z.array(z.any()),
          rectifications: z.array(z.any()),
        }),
      }),
    },
  ],
};
