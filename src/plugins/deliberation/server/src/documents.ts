import type { Core, UID as StrapiUID } from '@strapi/strapi';
import type { DeliberationUid } from './uids';

/**
 * The Document Service methods this plugin uses, typed by the document they return. Strapi has no
 * generated types for a plugin's own content types, so its service is typed for any schema; this
 * narrows it once here instead of casting at every call.
 */
export interface Repo<T> {
  findOne(params: { documentId: string; populate?: unknown; fields?: string[] }): Promise<T | null>;
  findMany(params: {
    filters?: Record<string, unknown>;
    sort?: unknown;
    limit?: number;
    start?: number;
    fields?: string[];
    populate?: unknown;
  }): Promise<T[]>;
  count(params: { filters?: Record<string, unknown> }): Promise<number>;
  create(params: { data: Record<string, unknown>; status?: 'published' | 'draft' }): Promise<T>;
  update(params: { documentId: string; data: Record<string, unknown>; status?: 'published' | 'draft' }): Promise<T>;
}

export const repo = <T>(
  strapi: Core.Strapi,
  uid: DeliberationUid | 'api::notice.notice' | 'api::branch.branch',
): Repo<T> => strapi.documents(uid as StrapiUID.ContentType) as unknown as Repo<T>;
