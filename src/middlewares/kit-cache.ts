import type { Core } from '@strapi/strapi';
import { publicFastPath, staffFastPath } from '../packages/kit/server';

/**
 * Cached answers leave here, before body parsing, session and routing: anonymous GETs of public
 * reads (notices, the plugins' public routes), and staff reads whose caller one statement admits.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const publicPath = publicFastPath(strapi);
  const staffPath = staffFastPath(strapi);
  return (ctx: Parameters<typeof publicPath>[0], next: () => Promise<unknown>) =>
    publicPath(ctx, () => staffPath(ctx, next));
};
