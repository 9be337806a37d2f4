import type { Core } from '@strapi/strapi';

/** The parts of a plugin's server entry; `config` and `policies` default to empty. */
export interface PluginServerParts {
  register?: (params: { strapi: Core.Strapi }) => void | Promise<void>;
  bootstrap?: (params: { strapi: Core.Strapi }) => void | Promise<void>;
  destroy?: (params: { strapi: Core.Strapi }) => void | Promise<void>;
  contentTypes: Record<string, unknown>;
  controllers: Record<string, unknown>;
  routes: Record<string, unknown>;
  services: Record<string, unknown>;
  policies?: Record<string, unknown>;
  /** the plugin's settings with their defaults (config/plugins.ts overrides them) */
  config?: { default: Record<string, unknown>; validator: (config: unknown) => void };
}

/** What server/src/index.ts of a plugin exports. */
export const definePluginServer = (parts: PluginServerParts) => ({
  config: { default: {}, validator() {} },
  policies: {},
  ...parts,
});

export interface ActionDefinition {
  /** the action's id inside the plugin: `read`, `assessments.review` … */
  uid: string;
  /** shown in Settings → Roles, Chinese first */
  displayName: string;
}

/** Registers a plugin's admin RBAC actions (Settings → Roles lists them under Plugins → <plugin>). */
export async function registerActions(
  strapi: Core.Strapi,
  pluginName: string,
  actions: ActionDefinition[],
): Promise<void> {
  const provider = (
    strapi.service('admin::permission') as unknown as { actionProvider: { registerMany(a: unknown[]): Promise<void> } }
  ).actionProvider;
  await provider.registerMany(actions.map((a) => ({ section: 'plugins', pluginName, ...a })));
}

interface RouteConfig {
  policies?: unknown[];
  middlewares?: unknown[];
  [key: string]: unknown;
}

/**
 * The route config of an admin route that needs one of the plugin's actions:
 * `const can = requireAction('star-scoring'); … config: can('read', { middlewares: [cached(…)] })`.
 */
export const requireAction =
  (pluginName: string) =>
  (action: string, extra: RouteConfig = {}): RouteConfig => ({
    ...extra,
    policies: [
      { name: 'admin::hasPermissions', config: { actions: [`plugin::${pluginName}.${action}`] } },
      ...(extra.policies ?? []),
    ],
  });
