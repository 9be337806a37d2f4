import type { Core } from '@strapi/strapi';
import { guardBoundaries } from './map/boundary-guard';
import { personalDataMiddleware } from './personal/middleware';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(personalDataMiddleware(strapi) as Parameters<typeof strapi.documents.use>[0]);
  // 网格边界: the grid's `boundary` attribute (src/api/grid) uses this field; the admin half draws it on a map.
  strapi.customFields.register({ name: 'boundary', plugin: 'registers', type: 'json' });
  guardBoundaries(strapi);
};
