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
import { registerHomeRoutes } from './home/routes';
import { drainNoticeListeners, registerNoticeLifecycle } from './api/notice/lib/lifecycle';
import {
  httpCache,
  invalidateOnDocuments,
  registerCacheTable,
  registerScopeCondition,
  registerScoping,
  requirePublicUrl,
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
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    stopWebhookDeliveries();
    await drainNoticeListeners();
    await httpCache(strapi).stop();
    await stopLoginFailures();
  },
};
