/** Pure code shared by the server (which enforces it) and the admin pages (which show it live). */
export * from './flows';
export * from './rules';
export * from './meeting';
