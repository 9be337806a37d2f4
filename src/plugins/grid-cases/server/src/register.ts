import type { Core } from '@strapi/strapi';
import { invalidateOnWrites } from './cache';
import { guardOwnerAccounts } from './owner-account-guard';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  invalidateOnWrites(strapi);
  guardOwnerAccounts(strapi);
};
