import { Star } from '@strapi/icons';
import { definePlugin } from '@grassroots/kit/admin';
import { PLUGIN_ID } from './pluginId';

export default definePlugin({
  id: PLUGIN_ID,
  icon: Star,
  app: async () => (await import('./pages/App')).App,
  translations: {
    en: () => import('./translations/en.json'),
    'zh-Hans': () => import('./translations/zh-Hans.json'),
  },
});
