import type { Core } from '@strapi/strapi';
import { ACTIONS } from './permissions';
import { getService } from './get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
  const registry = getService(strapi, 'metrics');
  for (const m of getService(strapi, 'foundation-metrics').definitions()) registry.register(m);
  // Sheets are configuration: every instance gets the defaults, not only demo installs.
  await getService(strapi, 'sheets').ensureDefaults();
};
