import type { Core } from '@strapi/strapi';

/** What a services/index.ts entry is: a factory ({ strapi }) => service, or the service itself. */
type ServiceOf<Entry> = Entry extends (...args: never[]) => infer Built ? Built : Entry;

/**
 * A typed service lookup for one plugin: `getService(strapi, 'rankings')` has the type its
 * factory returns, so tsc follows calls across services instead of a string lookup returning any.
 *
 *   import type services from './services';
 *   export const getService = serviceGetter<typeof services>('star-scoring');
 */
export function serviceGetter<Services extends Record<string, unknown>>(pluginId: string) {
  return <Name extends keyof Services & string>(strapi: Core.Strapi, name: Name): ServiceOf<Services[Name]> =>
    strapi.plugin(pluginId).service(name) as ServiceOf<Services[Name]>;
}
