import type { Core } from '@strapi/strapi';
import { registerActions } from '@grassroots/kit/server';
import { ACTIONS } from './permissions';
import { scopeLedgerRows } from './scope';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi, 'double-report', ACTIONS);
  scopeLedgerRows(strapi);
  strapi.plugin('double-report').service('metrics').registerWithStarScoring();
};
