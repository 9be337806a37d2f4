export * from './flow';
export * from './calendar';
