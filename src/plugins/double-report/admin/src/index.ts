import { HandHeart } from '@strapi/icons';
import { definePlugin } from '@grassroots/kit/admin';
import { PLUGIN_ID } from './pluginId';

// HandHeart: volunteer service in the community (the suite's other plugins have icons of their own).
export default definePlugin({
  id: PLUGIN_ID,
  icon: HandHeart,
  app: async () => (await import('./pages/App')).App,
  translations: {
    en: () => import('./translations/en.json'),
    'zh-Hans': () => import('./translations/zh-Hans.json'),
  },
});
