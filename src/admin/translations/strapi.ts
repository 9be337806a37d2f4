import codeOnlyEn from './en/code-only.json';
import admin from './zh-Hans/admin.json';
import codeOnly from './zh-Hans/code-only.json';
import contentManager from './zh-Hans/content-manager.json';
import contentReleases from './zh-Hans/content-releases.json';
import email from './zh-Hans/email.json';
import i18n from './zh-Hans/i18n.json';
import reviewWorkflows from './zh-Hans/review-workflows.json';
import upload from './zh-Hans/upload.json';
import usersPermissions from './zh-Hans/users-permissions.json';

type Messages = Record<string, string>;

// Strapi prefixes a plugin's keys with its id when it loads them; the admin's own keys have no prefix.
const prefixed = (id: string, messages: Messages): Messages =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${id}.${key}`, value]));

/**
 * zh-Hans for the keys Strapi 5.54 ships in English only (its zh-Hans files miss them, and the
 * Content Manager's zh-Hans file is a copy of the admin's). Each file holds one package's keys.
 */
export const STRAPI_ZH_HANS: Messages = {
  ...admin,
  ...prefixed('content-manager', contentManager),
  ...prefixed('content-releases', contentReleases),
  ...prefixed('email', email),
  ...prefixed('i18n', i18n),
  ...prefixed('review-workflows', reviewWorkflows),
  ...prefixed('upload', upload),
  ...prefixed('users-permissions', usersPermissions),
  ...codeOnly,
};

/**
 * Keys Strapi's code asks for with an English default but no entry in any of its en files (react-intl
 * logs MISSING_TRANSLATION for each): full keys, with Strapi's own default text.
 */
export const STRAPI_EN: Messages = codeOnlyEn;
