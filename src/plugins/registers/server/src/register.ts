import type { Core } from '@strapi/strapi';
import { personalDataMiddleware } from './personal/middleware';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(personalDataMiddleware(strapi) as Parameters<typeof strapi.documents.use>[0]);
};
