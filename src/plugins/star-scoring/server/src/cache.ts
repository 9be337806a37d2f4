import type { Core } from '@strapi/strapi';
import { cached, httpCache, type CacheRule } from '@grassroots/kit/server';
import type { Middleware } from 'koa';
import { EXPORT_FORMATS } from '@grassroots/kit/shared';

export const ASSESSMENT = 'plugin::star-scoring.assessment';
export const TRANSITION = 'plugin::star-scoring.transition';
export const RECTIFICATION = 'plugin::star-scoring.rectification';
export const EVIDENCE = 'plugin::star-scoring.evidence';
export const STAR = 'plugin::star-scoring.star';
export const CRITERION = 'plugin::star-scoring.criterion';
export const BRANCH = 'api::branch.branch';
export const FILE = 'plugin::upload.file';

/**
 * Cache scopes: an answer is stale exactly when one of the things it is built from changed.
 * - ASSESSMENT covers every assessment write: create, score saves, transitions (and their log),
 *   evidence rows attached or removed.
 * - RECTIFICATION, STAR, CRITERION: tasks and the sheet definitions (Content Manager or services).
 * - BRANCH: names, codes, categories and street links of branches (touched by the app's registries).
 * - FILE: evidence files' names and URLs come from the Media Library.
 */
export const SCOPES = {
  rankings: [ASSESSMENT, BRANCH],
  scorecard: [ASSESSMENT, RECTIFICATION, STAR, CRITERION, BRANCH, FILE],
  dashboard: [ASSESSMENT, BRANCH],
  streets: [ASSESSMENT, BRANCH],
} as const satisfies Record<string, readonly string[]>;

const rule = (scopes: readonly string[], audience: CacheRule['audience']): CacheRule => ({
  scopes: [...scopes],
  audience,
});

/** Route middleware: the kit's response cache with the scopes of one read. */
export const cachedRead = (read: keyof typeof SCOPES, audience: CacheRule['audience']): Middleware =>
  cached(rule(SCOPES[read], audience));

/** Like cachedRead, but an export (a download with its own headers) is always built afresh. */
export const cachedUnlessExport = (read: keyof typeof SCOPES, audience: CacheRule['audience']): Middleware => {
  const inner = cachedRead(read, audience);
  const isExport = (format: unknown) => (EXPORT_FORMATS as readonly unknown[]).includes(format);
  return (ctx, next) => (isExport((ctx.query as Record<string, unknown>).format) ? next() : inner(ctx, next));
};

/**
 * Marks scopes changed. Call it inside the strapi.db.transaction of the write: the new versions
 * commit with the change, and every instance forgets the old ones after commit.
 */
export const touch = (strapi: Core.Strapi, scopes: string[]): Promise<void> => httpCache(strapi).touch(scopes);
