import type { Core } from '@strapi/strapi';
import { httpCache, invalidateOnDocuments, type CacheRule } from '@grassroots/kit/server';
import { GRID, UID } from './uids';

const pub = (scopes: string[]): CacheRule => ({ scopes, audience: 'public' });

/** What each cached public read is built from; a change to any of these uids makes the answer stale. */
export const CACHE = {
  publicCases: pub([UID.case, UID.category, GRID]),
  publicCase: pub([UID.case, UID.event, UID.category, GRID]),
} satisfies Record<string, CacheRule>;

/** Document Service writes (creates, Content Manager edits) touch their uid. */
export function invalidateOnWrites(strapi: Core.Strapi): void {
  invalidateOnDocuments(
    strapi,
    Object.values(UID).map((uid) => ({ uid })),
  );
}

/** A move is a Query Engine write: it touches the case and its trail in its own transaction. */
export const touchCases = (strapi: Core.Strapi) => httpCache(strapi).touch([UID.case, UID.event]);
