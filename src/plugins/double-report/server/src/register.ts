import type { Core } from '@strapi/strapi';
import { guardLedger } from './services/ledger-guard';
import { invalidatePublicLists } from './cache';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  guardLedger(strapi);
  invalidatePublicLists(strapi);
};
