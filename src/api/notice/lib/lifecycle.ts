import type { Core } from '@strapi/strapi';
import { invalidate } from './http-cache';

const UID = 'api::notice.notice';
const CHANGES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

type Listener = (event: { action: string; documentId?: string; published: boolean; result: unknown }) => Promise<void> | void;
const listeners: Listener[] = [];

/** Other parts of the channel (webhook deliveries) hear about notice changes here. */
export const onNoticeChange = (listener: Listener) => listeners.push(listener);

/**
 * A document-service middleware, not a timer: the cache is dropped the moment a notice
 * changes, whichever way it changed (admin panel, REST, another plugin).
 */
export function registerNoticeLifecycle(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid === UID && CHANGES.has(context.action)) {
      invalidate(strapi);
      const params = context.params as { documentId?: string; status?: string };
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      const published = (context.action === 'create' || context.action === 'update') && params.status === 'published';
      for (const l of listeners) {
        try {
          await l({ action: context.action, documentId, published, result });
        } catch (err) {
          strapi.log.error(`[notices] listener failed: ${(err as Error).message}`);
        }
      }
    }
    return result;
  });
}
