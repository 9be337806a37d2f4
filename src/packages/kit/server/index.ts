/** The server half of the kit: what every plugin's server shares. */
export * from './errors';
export * from './http';
export * from './db';
export * from './services';
export * from './cache';
export * from './flow';
export * from './plugin';
export * from './documents';
export * from './scope';
