import type { Core } from '@strapi/strapi';
import { registerActions } from '@grassroots/kit/server';
import { ACTIONS } from './permissions';
import { getService } from './get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, 'registers', ACTIONS);
  // Import jobs left running by a dead instance read as failed; jobs older than the keep time go.
  await getService(strapi, 'io').recover();
};
