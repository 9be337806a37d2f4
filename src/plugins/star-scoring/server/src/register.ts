import type { Core } from '@strapi/strapi';
import { invalidateOnDocuments } from '@grassroots/kit/server';
import { ASSESSMENT, CRITERION, EVIDENCE, FILE, RECTIFICATION, STAR, touch } from './cache';

/**
 * Cache invalidation for writes that go through the Document Service (Content Manager, the plugin's
 * own creates, seeds): each type touches its own scope; evidence rows belong to the assessment scope.
 * Query Engine writes in the services touch their scopes inside their own transactions. The app
 * touches api::branch.branch (src/index.ts).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  invalidateOnDocuments(strapi, [
    { uid: ASSESSMENT },
    { uid: RECTIFICATION },
    { uid: STAR },
    { uid: CRITERION },
    { uid: EVIDENCE, scopes: [ASSESSMENT] },
  ]);
  // Evidence files show their Media Library name and URL: a renamed, replaced or deleted file changes
  // a scorecard. The upload plugin writes through the Query Engine, so its lifecycles are the hook.
  strapi.db.lifecycles.subscribe({
    models: [FILE],
    afterUpdate: () => touch(strapi, [FILE]),
    afterUpdateMany: () => touch(strapi, [FILE]),
    afterDelete: () => touch(strapi, [FILE]),
    afterDeleteMany: () => touch(strapi, [FILE]),
  });
};
