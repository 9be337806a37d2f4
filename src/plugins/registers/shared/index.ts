export * from './mask';
export * from './identity';
export * from './credit-code';
export * from './sheet';
export * from './personal';
export * from './phone';
