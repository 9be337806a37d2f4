import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { run, type AdminUser, type Ctx } from '../packages/kit/server';
import { todo } from './todo';

/**
 * The staff home page's admin routes, under /grassroots.
 * Who may call: any signed-in administrator; each line is shown only to holders of the action of the
 * page that handles it, and counted inside their organisation.
 */
export function registerHomeRoutes(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '/grassroots',
    routes: [
      {
        method: 'GET',
        path: '/todo',
        info: { type: 'admin' },
        handler: (ctx: Context) =>
          run(ctx as Ctx, async () => ({
            data: await todo(strapi, ctx.state.user as AdminUser, ctx.state.userAbility),
          })),
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  });
}
