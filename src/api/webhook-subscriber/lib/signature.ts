import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Signature scheme (as Stripe-style senders do): HMAC-SHA256 over "<timestamp>.<raw body>"
 * with the subscriber's secret, sent as `X-Webhook-Signature: v1=<hex>` beside
 * `X-Webhook-Timestamp: <unix seconds>`. Receivers recompute it and reject old timestamps.
 */
export const sign = (secret: string, timestamp: number, body: string): string =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

export function verify(
  secret: string,
  timestamp: number,
  body: string,
  header: string,
  toleranceSeconds = 300,
  now = Date.now(),
): boolean {
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
