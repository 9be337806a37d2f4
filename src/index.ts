import type { Core } from '@strapi/strapi';
import { ensureContentApiRoles } from './bootstrap/content-api-roles';
import { ensureStaffRole } from './bootstrap/staff-role';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { applyChineseLabels } from './bootstrap/content-labels';
import { registerNoticeSlugs } from './bootstrap/notice-slug';
import { seedDemoIfEmpty } from './seed';
import { registerNoticeLifecycle } from './api/notice/lib/lifecycle';
import { startInvalidationBus, stopInvalidationBus } from './api/notice/lib/http-cache';
import { registerSubscriberRules, startWebhookDeliveries, stopWebhookDeliveries } from './api/webhook-subscriber/lib/subscriptions';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerNoticeSlugs(strapi);
    registerNoticeLifecycle(strapi);
    registerSubscriberRules(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureContentApiRoles(strapi);
    await ensureStaffRole(strapi);
    await applyChineseLabels(strapi);
    await seedDemoIfEmpty(strapi);
    await ensureFirstAdmin(strapi);
    await startInvalidationBus(strapi);
    startWebhookDeliveries(strapi);
  },

  async destroy() {
    stopWebhookDeliveries();
    await stopInvalidationBus();
  },
};
