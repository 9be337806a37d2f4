import type { StrapiApp } from '@strapi/strapi/admin';

// Community staff work in Chinese: zh-Hans is the default admin language, en stays available.
// The admin reads its language from localStorage when it starts, so the default is set first.
const LANGUAGE_KEY = 'strapi-admin-language';
if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
  window.localStorage.setItem(LANGUAGE_KEY, 'zh-Hans');
}

export default {
  config: {
    locales: ['zh-Hans'],
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
