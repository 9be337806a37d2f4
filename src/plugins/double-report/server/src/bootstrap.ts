import type { Core } from '@strapi/strapi';
import { ensureUniqueIndexes, registerActions } from '@grassroots/kit/server';
import { UNIQUE_INDEXES } from './indexes';
import { ACTIONS } from './permissions';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, 'double-report', ACTIONS);
  await ensureUniqueIndexes(strapi, UNIQUE_INDEXES);
  strapi.plugin('double-report').service('metrics').registerWithStarScoring();
};
