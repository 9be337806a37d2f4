import type { Core } from '@strapi/strapi';
import { httpCache } from './store';

/** Document-service actions that change what a reader can see. */
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

export interface DocumentRule {
  uid: string;
  /** scopes to touch; the uid itself when omitted */
  scopes?: string[];
  /** narrows which writes count (e.g. only those that change published notices) */
  when?: (action: string, params: Record<string, unknown>) => boolean;
}

/**
 * Touches cache scopes when documents of the given types change, whichever way they changed
 * (Content Manager, REST, a plugin service): a document-service middleware, registered once per call.
 */
export function invalidateOnDocuments(strapi: Core.Strapi, rules: DocumentRule[]): void {
  const byUid = new Map(rules.map((r) => [r.uid, r]));
  strapi.documents.use(async (context, next) => {
    const result = await next();
    const rule = byUid.get(context.uid);
    if (
      rule &&
      WRITES.has(context.action) &&
      (!rule.when || rule.when(context.action, (context.params ?? {}) as Record<string, unknown>))
    ) {
      await httpCache(strapi).touch(rule.scopes ?? [rule.uid]);
    }
    return result;
  });
}
