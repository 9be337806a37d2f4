import type { Core } from '@strapi/strapi';
import { registerActions } from '@grassroots/kit/server';
import { ACTIONS } from './permissions';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, 'registers', ACTIONS);
};
