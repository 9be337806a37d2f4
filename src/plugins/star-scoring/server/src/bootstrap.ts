import type { Core } from '@strapi/strapi';
import { ACTIONS } from './permissions';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
  const registry = strapi.plugin('star-scoring').service('metrics');
  for (const m of strapi.plugin('star-scoring').service('foundation-metrics').definitions()) registry.register(m);
  // Sheets are configuration: every instance gets the defaults, not only demo installs.
  await strapi.plugin('star-scoring').service('sheets').ensureDefaults();
};
