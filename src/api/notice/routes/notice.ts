import { factories } from '@strapi/strapi';

// Who may call: find/findOne are granted to Public (published notices only: the
// published-only middleware closes Strapi's `?status=draft` door; http-cache adds ETag,
// Last-Modified, 304 and a response cache for anonymous callers); writes need a role grant.
export default factories.createCoreRouter('api::notice.notice', {
  config: {
    find: { middlewares: ['global::published-only', 'api::notice.http-cache'] },
    findOne: { middlewares: ['global::published-only', 'api::notice.http-cache'] },
  },
});
