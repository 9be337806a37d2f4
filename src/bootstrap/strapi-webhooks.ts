import type { Core } from '@strapi/strapi';
import { checkedDispatcher } from '../api/webhook-subscriber/lib/target';

/**
 * Strapi's own webhooks (Settings → Webhooks) obey the same address rule as the notice webhooks:
 * public unicast only, judged at connect time, unless WEBHOOKS_ALLOW_PRIVATE=true. They leave
 * through `strapi.fetch`, which reads its dispatcher at every call. With an outgoing proxy
 * configured (server.proxy) the proxy connects, not us: it is left in place and we say so.
 */
export function guardStrapiWebhooks(strapi: Core.Strapi): void {
  if (strapi.config.get('server.proxy.fetch') || strapi.config.get('server.proxy.global')) {
    strapi.log.warn(
      '[webhooks] an outgoing proxy is configured: Settings → Webhooks targets are checked by it, not here',
    );
    return;
  }
  (strapi.fetch as { dispatcher?: unknown }).dispatcher = checkedDispatcher();
}
