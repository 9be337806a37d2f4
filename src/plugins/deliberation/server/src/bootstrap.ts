import type { Core } from '@strapi/strapi';
import { ACTIONS } from './permissions';
import { getService } from './get-service';
import { watchDay } from './cache';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
  getService(strapi, 'metrics').registerAll();
  watchDay(strapi);
};
