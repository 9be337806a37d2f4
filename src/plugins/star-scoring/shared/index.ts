/** Pure code of the plugin shared by server and admin pages (an admin page never imports server/). */
export * from './flow';
export * from './rules';
export * from './labels';
