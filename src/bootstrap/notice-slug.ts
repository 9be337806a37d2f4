import type { Core } from '@strapi/strapi';
import { randomBytes } from 'crypto';
import { NOTICE_TYPE } from './domain';

/**
 * Chinese titles slugify to nothing, so a notice saved without a slug gets a stable,
 * URL-safe one (date + random suffix). A document-service middleware covers every way
 * in: admin panel, REST and the seed.
 */
export const generateSlug = (date = new Date()): string =>
  `${date.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;

export function registerNoticeSlugs(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid === NOTICE_TYPE && (context.action === 'create' || context.action === 'update')) {
      const params = context.params as { data?: Record<string, unknown> };
      if (params.data && context.action === 'create' && !params.data.slug) {
        params.data.slug = generateSlug();
      }
      if (params.data && context.action === 'update' && params.data.slug === '') {
        delete params.data.slug;
      }
    }
    return next();
  });
}
