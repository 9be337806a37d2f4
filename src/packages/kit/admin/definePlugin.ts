import type { ComponentType } from 'react';
import { KIT_MESSAGES_PREFIX, kitMessages } from './messages';

type Messages = Record<string, string>;
type Loader = () => Promise<{ default: Messages }>;

export interface PluginDefinition {
  /** the plugin's id, also the prefix of its translation keys */
  id: string;
  /** icon of the main-menu link (one per plugin, so the menu tells them apart) */
  icon: ComponentType;
  /** the plugin's page tree, loaded when the menu link is first opened */
  app: () => Promise<ComponentType>;
  /** translation files by locale; a locale without one falls back to the keys' defaults */
  translations: Record<string, Loader>;
  /** the RBAC action that shows the menu link (default plugin::<id>.read) */
  readAction?: string;
}

/** The part of Strapi's admin app a plugin registers itself with. */
export interface AdminApp {
  addMenuLink(link: {
    to: string;
    icon: ComponentType;
    intlLabel: { id: string; defaultMessage: string };
    permissions: Array<{ action: string; subject: null }>;
    Component: () => Promise<ComponentType>;
  }): void;
  registerPlugin(plugin: { id: string; name: string }): void;
}

const prefixed = (messages: Messages, id: string): Messages =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${id}.${key}`, value]));

/** Everything admin/src/index.ts of a plugin exports: menu link, registration, translations. */
export function definePlugin(def: PluginDefinition) {
  return {
    register(app: AdminApp) {
      app.addMenuLink({
        to: `plugins/${def.id}`,
        icon: def.icon,
        intlLabel: { id: `${def.id}.plugin.name`, defaultMessage: def.id },
        permissions: [{ action: def.readAction ?? `plugin::${def.id}.read`, subject: null }],
        Component: def.app,
      });
      app.registerPlugin({ id: def.id, name: def.id });
    },
    async registerTrads({ locales }: { locales: string[] }) {
      return Promise.all(
        locales.map(async (locale) => {
          const load = def.translations[locale];
          const own = load ? prefixed((await load()).default, def.id) : {};
          return { locale, data: { ...prefixed(kitMessages[locale] ?? {}, KIT_MESSAGES_PREFIX), ...own } };
        }),
      );
    },
  };
}
