import { AsyncResource } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { background, invalidateOnDocuments, type CacheRule } from '../../../packages/kit/server';

const UID = 'api::notice.notice';
const CHANGES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * Which writes change what the public sees: publishing, unpublishing and deleting always; a create
 * or update only when it writes the published version (REST and `status: 'published'`). Editing a
 * draft in the admin panel leaves every public ETag as it was.
 */
const touchesPublished = (action: string, params: Record<string, unknown>) =>
  (action !== 'create' && action !== 'update' && action !== 'discardDraft') || params.status === 'published';

/** The public notice routes are built from published notices only. */
export const NOTICE_CACHE: CacheRule = { scopes: [UID], audience: 'public' };

export interface NoticeChange {
  action: string;
  documentId?: string;
  published: boolean;
}
type Listener = (change: NoticeChange) => Promise<void> | void;

const listeners = new Set<Listener>();

/** Other parts of the channel (webhook deliveries) hear about notice changes here; returns the unsubscribe. */
export function onNoticeChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs a task on a later turn with no async context: bound here, at module load, it is outside any
 * request and any transaction, so a listener never borrows the write's transaction (the Content
 * Manager commits its publish transaction while a listener started inside it would still query:
 * "Transaction query already complete" on PostgreSQL).
 */
const detached = AsyncResource.bind((task: () => void) => setImmediate(task));

/**
 * The public cache is invalidated in the write itself (kit); listeners are called after the
 * transaction the write belongs to commits (a rolled-back write tells nobody), outside the request
 * and that transaction: a slow subscriber list never delays a publish.
 */
export function registerNoticeLifecycle(strapi: Core.Strapi): void {
  invalidateOnDocuments(strapi, [{ uid: UID, when: touchesPublished }]);
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid !== UID || !CHANGES.has(context.action) || !listeners.size) return result;
    const params = context.params as { documentId?: string; status?: string };
    const change: NoticeChange = {
      action: context.action,
      documentId: params.documentId ?? (result as { documentId?: string } | null)?.documentId,
      published: (context.action === 'create' || context.action === 'update') && params.status === 'published',
    };
    const notify = async () => {
      for (const listener of listeners) {
        try {
          await listener(change);
        } catch (err) {
          strapi.log.error(`[notices] listener failed: ${(err as Error).message}`);
        }
      }
    };
    // Background work: shutdown waits for it before the database closes.
    const start = () =>
      background(strapi).run('notices', () => new Promise<void>((resolve) => detached(() => resolve(notify()))));
    // Joins the write's transaction when there is one (the Content Manager opens one around a publish).
    await strapi.db.transaction(({ onCommit }) => {
      onCommit(start);
    });
    return result;
  });
}
