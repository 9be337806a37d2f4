/** Pure code shared by servers and admin pages: no Strapi, no React, no I/O. */
export * from './flow';
export * from './labels';
export * from './export';
export * from './refusal';
export * from './case-clock';
