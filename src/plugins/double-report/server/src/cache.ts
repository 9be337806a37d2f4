import type { Core } from '@strapi/strapi';
import { invalidateOnDocuments, type CacheRule } from '@grassroots/kit/server';
import { UID } from './uids';

/**
 * The public community routes are cached by the kit (ETag, 304, one copy per URL). Each names the
 * types its answer is built from; the app touches `api::branch.branch` whenever a branch changes.
 */
export const NEEDS_CACHE: CacheRule = { scopes: [UID.listItem, UID.branch], audience: 'public' };
// "Not yet over" depends on the clock: an ended activity leaves the cached list within a minute.
export const ACTIVITIES_CACHE: CacheRule = { scopes: [UID.activity, UID.branch], audience: 'public', window: 60 };

/**
 * Writes through the Document Service (Content Manager, services) touch their scope by themselves;
 * raw writes (a claim's conditional update, an evaluation) call httpCache(strapi).touch in their own
 * transaction. Check-ins are not shown by the cached routes: the check-in path touches nothing.
 */
export function invalidatePublicLists(strapi: Core.Strapi): void {
  invalidateOnDocuments(strapi, [{ uid: UID.listItem }, { uid: UID.activity }]);
}
