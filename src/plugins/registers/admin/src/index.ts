import { House } from '@strapi/icons';
import { definePlugin } from '@grassroots/kit/admin';
import { PLUGIN_ID } from './pluginId';

// Annotated so the emitted declaration names the kit's export instead of a path into node_modules.
const plugin: ReturnType<typeof definePlugin> = definePlugin({
  id: PLUGIN_ID,
  icon: House,
  app: async () => (await import('./pages/App')).App,
  translations: {
    en: () => import('./translations/en.json'),
    'zh-Hans': () => import('./translations/zh-Hans.json'),
  },
});

export default plugin;
