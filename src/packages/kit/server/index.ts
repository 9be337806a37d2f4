/** The server half of the kit: what every plugin's server shares. */
export * from './errors';
export * from './http';
export * from './db';
export * from './bulk';
export * from './services';
export * from './cache';
export * from './flow';
export * from './plugin';
export * from './documents';
export * from './scope';
export * from './public-url';
export * from './upload-types';
export * from './query-values';
export * from './transitions';
export * from './background';
export * from './shutdown';
