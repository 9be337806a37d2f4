import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { randomBytes } from 'crypto';
import { onNoticeChange } from '../../notice/lib/lifecycle';
import { schedule, sweep } from './dispatcher';
import { background } from '../../../packages/kit/server';
import { refuseTarget } from './target';

const SUBSCRIBER = 'api::webhook-subscriber.webhook-subscriber';
const DELIVERY = 'api::webhook-delivery.webhook-delivery';
const NOTICE = 'api::notice.notice';

/** Subscriber URLs are checked when an administrator saves them: a refused URL is a 400 naming `url`. */
export function registerSubscriberRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid === SUBSCRIBER && (context.action === 'create' || context.action === 'update')) {
      const data = (context.params as { data?: Record<string, unknown> }).data;
      if (data && typeof data.url === 'string') {
        const reason = await refuseTarget(data.url);
        if (reason)
          throw new errors.ValidationError(`url: ${reason}`, {
            errors: [{ path: ['url'], message: reason, name: 'ValidationError' }],
          });
      }
      if (data && context.action === 'create' && !data.secret) data.secret = randomBytes(24).toString('base64url');
    }
    return next();
  });
}

interface Linked {
  documentId: string;
  code?: string;
}
interface Subscriber {
  id: number;
  filterCategory?: string | null;
  filterGrid?: Linked | null;
  filterBranch?: Linked | null;
}
interface NoticeForDelivery {
  documentId: string;
  title: string;
  slug: string;
  summary: string | null;
  category: string;
  publishedAt: string | null;
  audienceGrids?: Linked[];
  audienceBranches?: Linked[];
}

const matches = (sub: Subscriber, notice: NoticeForDelivery): boolean => {
  if (sub.filterCategory && sub.filterCategory !== notice.category) return false;
  const grids = (notice.audienceGrids ?? []).map((g) => g.documentId);
  const branches = (notice.audienceBranches ?? []).map((b) => b.documentId);
  if (sub.filterGrid && grids.length && !grids.includes(sub.filterGrid.documentId)) return false;
  if (sub.filterBranch && branches.length && !branches.includes(sub.filterBranch.documentId)) return false;
  return true;
};

/** On publish/unpublish: one delivery row per matching active subscriber, sent right away. */
async function enqueue(strapi: Core.Strapi, action: 'publish' | 'unpublish', documentId: string): Promise<void> {
  const n = (await strapi.documents(NOTICE).findOne({
    documentId,
    status: action === 'publish' ? 'published' : 'draft',
    populate: { audienceGrids: { fields: ['code'] }, audienceBranches: { fields: ['code'] } },
  })) as NoticeForDelivery | null;
  if (!n) return;
  const subscribers = (await strapi.db
    .query(SUBSCRIBER)
    .findMany({ where: { active: true }, populate: { filterGrid: true, filterBranch: true } })) as Subscriber[];
  const event = action === 'publish' ? 'notice.published' : 'notice.unpublished';
  const payload = {
    event,
    occurredAt: new Date().toISOString(),
    notice: {
      documentId: n.documentId,
      title: n.title,
      slug: n.slug,
      summary: n.summary,
      category: n.category,
      publishedAt: action === 'publish' ? n.publishedAt : null,
      audienceGrids: (n.audienceGrids ?? []).map((g) => g.code),
      audienceBranches: (n.audienceBranches ?? []).map((b) => b.code),
    },
  };
  for (const sub of subscribers.filter((s) => matches(s, n))) {
    const row = await strapi.db.query(DELIVERY).create({
      data: {
        subscriber: sub.id,
        event,
        noticeDocumentId: documentId,
        payload,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: new Date(),
        log: [],
      },
    });
    schedule(strapi, row.id, 0);
  }
}

let stopSweep: (() => void) | undefined;
let unsubscribe: (() => void) | undefined;

export function startWebhookDeliveries(strapi: Core.Strapi): void {
  unsubscribe = onNoticeChange(async ({ action, documentId, published }) => {
    if (!documentId) return;
    // REST create/update publish at once (status=published) without a separate publish action.
    if (action === 'publish' || published) await enqueue(strapi, 'publish', documentId);
    else if (action === 'unpublish') await enqueue(strapi, 'unpublish', documentId);
  });
  const every = Number(process.env.WEBHOOK_SWEEP_MS || 60000);
  stopSweep = background(strapi).every('webhooks sweep', every, () => sweep(strapi));
}

/** No new deliveries; scheduled attempts are cancelled and running ones awaited by background(strapi).stop(). */
export function stopWebhookDeliveries(): void {
  unsubscribe?.();
  unsubscribe = undefined;
  stopSweep?.();
  stopSweep = undefined;
}
