import type { Modules, UID } from '@strapi/strapi';

/**
 * Document-service data for a content type whose typings are not generated (plugin types, which
 * Strapi's `ts:generate-types` leaves out of a plugin's own build): Strapi then types `data` as
 * nearly nothing. The content type's schema still validates the data at runtime; this only states
 * that, instead of an `as any` at every call.
 */
export const documentData = <T extends UID.ContentType>(_uid: T, data: Record<string, unknown>) =>
  data as unknown as Partial<Modules.Documents.Params.Data.Input<T>>;
