import type { Core } from '@strapi/strapi';
import { registerActions } from '@grassroots/kit/server';
import { ACTIONS } from './permissions';
import { getService } from './get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, 'grid-cases', ACTIONS);
  getService(strapi, 'metrics').registerWithStarScoring();
  getService(strapi, 'reminders').schedule();
};
