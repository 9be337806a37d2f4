import type { Core } from '@strapi/strapi';
import { ensureUniqueIndexes, registerActions } from '@grassroots/kit/server';
import { UNIQUE_INDEXES } from './indexes';
import { ACTIONS } from './permissions';
import { scopeLedgerRows } from './scope';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, 'double-report', ACTIONS);
  scopeLedgerRows(strapi);
  await ensureUniqueIndexes(strapi, UNIQUE_INDEXES);
  strapi.plugin('double-report').service('metrics').registerWithStarScoring();
};
