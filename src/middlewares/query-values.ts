import type { Core } from '@strapi/strapi';
import {
  checkDateValue,
  checkFilters,
  checkPagination,
  invalid,
  type Ctx,
  type ModelLookup,
} from '../packages/kit/server';

/**
 * Core content-API routes (`/api/<pluralName>[/…]`, `/api/users`, `/api/upload/files`): filter and
 * pagination values, and the date fields of a written `data`, are checked against the model before
 * Strapi queries, so a wrong value is a 400 naming the field instead of a database error.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let routes: Map<string, string> | undefined;
  const uidOf = (path: string): string | undefined => {
    if (!routes) {
      routes = new Map([
        ['users', 'plugin::users-permissions.user'],
        ['upload/files', 'plugin::upload.file'],
      ]);
      for (const [uid, ct] of Object.entries(strapi.contentTypes))
        if (uid.startsWith('api::')) {
          routes.set(ct.info.pluralName, uid);
          routes.set(ct.info.singularName, uid);
        }
    }
    const m = /^\/api\/(upload\/files|[^/]+)(\/[^/]+)?\/?$/.exec(path);
    return m ? routes.get(m[1]) : undefined;
  };
  // Strapi's getModel knows content types and components alike.
  const models: ModelLookup = (uid) =>
    strapi.getModel(uid as Parameters<typeof strapi.getModel>[0]) as ReturnType<ModelLookup>;

  // These two plugins address a row by its numeric id in the path and hand it to SQL unchecked;
  // their named routes beside it (`/users/me`, `/users/count`, `/upload/files/page`) pass.
  const NUMERIC_ID = /^\/api\/(?:upload\/files|users)\/([^/]+)\/?$/;
  const NAMED = new Set(['me', 'count', 'page']);

  return async (ctx: Ctx, next: () => Promise<void>) => {
    const uid = uidOf(ctx.path);
    const id = NUMERIC_ID.exec(ctx.path)?.[1];
    if (id !== undefined && !NAMED.has(id) && !/^[1-9][0-9]{0,9}$/.test(id))
      throw invalid('id', 'must be a positive integer (必须是正整数)');
    if (uid) {
      checkFilters(models, uid, ctx.query.filters);
      checkPagination(ctx.query.pagination);
      const data = (ctx.request.body as { data?: Record<string, unknown> } | undefined)?.data;
      if ((ctx.method === 'POST' || ctx.method === 'PUT') && data && typeof data === 'object') {
        const attributes = models(uid)?.attributes as Record<string, { type: string }> | undefined;
        for (const [key, value] of Object.entries(data)) {
          const type = attributes?.[key]?.type;
          if (type && ['date', 'datetime', 'time'].includes(type) && value !== null && value !== '')
            checkDateValue(type, value, key);
        }
      }
    }
    await next();
  };
};
