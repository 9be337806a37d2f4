import type { Core } from '@strapi/strapi';
import { invalidateOnWrites } from './cache';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  invalidateOnWrites(strapi);
};
