import { factories } from '@strapi/strapi';
import { cached } from '../../../packages/kit/server';
import { NOTICE_CACHE } from '../lib/lifecycle';

// Who may call: find/findOne are granted to Public (published notices only: the
// published-only middleware closes Strapi's `?status=draft` door; the kit's cache adds
// ETag, Last-Modified, 304 and a response cache for anonymous callers); writes need a role grant.
export default factories.createCoreRouter('api::notice.notice', {
  config: {
    find: { middlewares: ['global::published-only', cached(NOTICE_CACHE)] },
    findOne: { middlewares: ['global::published-only', cached(NOTICE_CACHE)] },
  },
});
