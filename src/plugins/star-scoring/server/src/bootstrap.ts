import type { Core } from '@strapi/strapi';
import { registerActions } from '@grassroots/kit/server';
import { ACTIONS } from './permissions';
import { getService } from './get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, 'star-scoring', ACTIONS);
  const registry = getService(strapi, 'metrics');
  for (const m of getService(strapi, 'foundation-metrics').definitions()) registry.register(m);
  // Sheets are configuration: every instance gets the defaults, not only demo installs.
  await getService(strapi, 'sheets').ensureDefaults();
};
