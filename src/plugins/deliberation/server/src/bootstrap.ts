import type { Core } from '@strapi/strapi';
import { registerActions } from '@grassroots/kit/server';
import { ACTIONS } from './permissions';
import { getService } from './get-service';
import { watchDay } from './cache';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, 'deliberation', ACTIONS);
  getService(strapi, 'metrics').registerAll();
  watchDay(strapi);
};
