import type { Core } from '@strapi/strapi';
import { ensureContentApiRoles } from './bootstrap/content-api-roles';
import { ensureStaffRoles } from './bootstrap/staff-role';
import { ensureDemoAccounts } from './bootstrap/demo-accounts';
import { SCOPE_REGISTRY } from './bootstrap/organisation-scope';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { applyChineseLabels } from './bootstrap/content-labels';
import { registerNoticeSlugs } from './bootstrap/notice-slug';
import { seedDemoIfEmpty } from './seed';
import { stopLoginFailures } from './bootstrap/login-failures';
import { guardStrapiWebhooks } from './bootstrap/strapi-webhooks';
import { registerHomeRoutes } from './home/routes';
import { registerNoticeLifecycle } from './api/notice/lib/lifecycle';
import {
  background,
  drainRequests,
  httpCache,
  invalidateOnDocuments,
  registerCacheTable,
  registerScopeCondition,
  registerScoping,
  requirePublicUrl,
  settleDatabase,
  trackRequests,
} from './packages/kit/server';
import {
  registerSubscriberRules,
  startWebhookDeliveries,
  stopWebhookDeliveries,
} from './api/webhook-subscriber/lib/subscriptions';

const REGISTRIES = [
  'api::branch.branch',
  'api::grid.grid',
  'api::compound.compound',
  'api::representative.representative',
];

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    requirePublicUrl(strapi);
    registerCacheTable(strapi);
    registerNoticeSlugs(strapi);
    registerNoticeLifecycle(strapi);
    // Plugin read models name the registries they show (branch names in rankings, grids on the board).
    invalidateOnDocuments(
      strapi,
      REGISTRIES.map((uid) => ({ uid })),
    );
    registerSubscriberRules(strapi);
    guardStrapiWebhooks(strapi);
    registerHomeRoutes(strapi);
    // Last: the scope middleware runs inside the others, so a refused write never reaches their after-write work.
    registerScoping(strapi, SCOPE_REGISTRY);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureContentApiRoles(strapi);
    await registerScopeCondition(strapi);
    await ensureStaffRoles(strapi);
    await applyChineseLabels(strapi);
    await seedDemoIfEmpty(strapi);
    await ensureFirstAdmin(strapi);
    await ensureDemoAccounts(strapi);
    await httpCache(strapi).start();
    startWebhookDeliveries(strapi);
    trackRequests(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    // In order: requests being served finish, then the work they started, then Strapi's own
    // unawaited entry events, then the cache bus; only then does Strapi close the sockets and the
    // database pool (SIGTERM comes here too).
    const grace = Number(process.env.SHUTDOWN_GRACE_MS || 10000);
    await drainRequests(strapi, grace);
    stopWebhookDeliveries();
    await background(strapi).stop();
    await settleDatabase(strapi, grace);
    await httpCache(strapi).stop();
    await stopLoginFailures();
  },
};
