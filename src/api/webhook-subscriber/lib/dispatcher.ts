import type { Core } from '@strapi/strapi';
import { postTo } from './target';
import { sign } from './signature';
import { background } from '../../../packages/kit/server';

const DELIVERY = 'api::webhook-delivery.webhook-delivery';

const maxAttempts = () => Number(process.env.WEBHOOK_MAX_ATTEMPTS || 6);
/** Backoff: base, 2×base, 4×base … (default 30 s, so the 6th try comes about 16 min after the first). */
const backoff = (attempt: number) => Number(process.env.WEBHOOK_RETRY_BASE_MS || 30000) * 2 ** (attempt - 1);
const TIMEOUT_MS = 10000;

interface AttemptLog {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** An attempt later, as background work: shutdown cancels it, or waits for it once it has started. */
export function schedule(strapi: Core.Strapi, id: number, delayMs: number): void {
  background(strapi).after('webhooks', delayMs, () => attempt(strapi, id));
}

/**
 * One attempt of one delivery. The row is claimed first (pending → sending in one UPDATE),
 * so two instances sweeping at once never send the same attempt twice.
 */
export async function attempt(strapi: Core.Strapi, id: number): Promise<void> {
  const knex = strapi.db.connection;
  const claimed = await knex('webhook_deliveries')
    .where({ id, status: 'pending' })
    .update({ status: 'sending', updated_at: new Date() });
  if (!claimed) return;
  const delivery = await strapi.db.query(DELIVERY).findOne({ where: { id }, populate: { subscriber: true } });
  const subscriber = delivery?.subscriber;
  const attempts = (delivery?.attempts ?? 0) + 1;
  const log: AttemptLog[] = Array.isArray(delivery?.log) ? delivery.log : [];
  const started = Date.now();
  let statusCode: number | null = null;
  let error: string | null = null;

  if (!subscriber || !subscriber.active) {
    error = '订阅已删除或停用 (subscriber removed or inactive)';
  } else {
    // Checked at send time inside the connection's own lookup: DNS may have changed since the URL was saved.
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const res = await postTo(
        subscriber.url,
        {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'grassroots-governance-webhooks/1',
          'X-Webhook-Id': String(delivery.documentId),
          'X-Webhook-Event': delivery.event,
          'X-Webhook-Timestamp': String(timestamp),
          'X-Webhook-Signature': sign(subscriber.secret, timestamp, body),
        },
        body,
        TIMEOUT_MS,
      );
      statusCode = res.statusCode;
      if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
    } catch (err) {
      error = (err as Error).message;
    }
  }

  log.push({ at: new Date(started).toISOString(), statusCode, error, durationMs: Date.now() - started });
  const done = !error;
  const retry = !done && subscriber?.active && attempts < maxAttempts();
  const next = retry ? new Date(Date.now() + backoff(attempts)) : null;
  await strapi.db.query(DELIVERY).update({
    where: { id },
    data: {
      status: done ? 'succeeded' : retry ? 'pending' : 'failed',
      attempts,
      lastStatusCode: statusCode,
      lastError: error,
      nextAttemptAt: next,
      log,
    },
  });
  if (retry && next) schedule(strapi, id, next.getTime() - Date.now());
}

/** Picks up deliveries whose next attempt is due (after a restart, or another instance's timers). */
export async function sweep(strapi: Core.Strapi): Promise<number> {
  // An attempt whose instance died mid-send (claimed, never finished) is released after 5 minutes.
  await strapi.db
    .connection('webhook_deliveries')
    .where('status', 'sending')
    .andWhere('updated_at', '<', new Date(Date.now() - 5 * 60 * 1000))
    .update({ status: 'pending', next_attempt_at: new Date() });
  const due = await strapi.db
    .connection('webhook_deliveries')
    .where('status', 'pending')
    .andWhere('next_attempt_at', '<=', new Date())
    .select('id')
    .limit(100);
  for (const { id } of due) await attempt(strapi, id);
  return due.length;
}
