export * from './flow';
export * from './calendar';
export * from './figures';
export * from './owner-account';
