import type { Core } from '@strapi/strapi';
import { ensureContentApiRoles } from './bootstrap/content-api-roles';
import { ensureStaffRole } from './bootstrap/staff-role';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { applyChineseLabels } from './bootstrap/content-labels';
import { registerNoticeSlugs } from './bootstrap/notice-slug';
import { seedDemoIfEmpty } from './seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerNoticeSlugs(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureContentApiRoles(strapi);
    await ensureStaffRole(strapi);
    await applyChineseLabels(strapi);
    await seedDemoIfEmpty(strapi);
    await ensureFirstAdmin(strapi);
  },
};
