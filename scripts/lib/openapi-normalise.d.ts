/** See openapi-normalise.js. */
export function normalise<T extends object>(doc: T): T;
export const DOCUMENT_ID: Record<string, unknown>;
export const ERROR_SCHEMA: Record<string, unknown>;
export const PLAIN_ERROR_SCHEMA: Record<string, unknown>;
