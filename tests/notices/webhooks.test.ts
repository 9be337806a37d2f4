import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { setupStrapi, teardownStrapi, http as client, strapi } from '../helpers/strapi';
import { bearer, createAdmin, createApiToken } from '../helpers/auth';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local receiver standing in for an external site; answers with the next queued status. */
let receiver: http.Server;
let base: string;
const received: Received[] = [];
const replies: number[] = [];

let token: string;
beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.statusCode = replies.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  await setupStrapi({ WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_MAX_ATTEMPTS: '3' });
  token = await createApiToken('full-access');
});
afterAll(async () => {
  await teardownStrapi();
  await new Promise((r) => receiver.close(r));
});

const waitFor = async <T>(fn: () => Promise<T | undefined> | T | undefined, ms = 10000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
};

const signature = () => require(path.resolve(__dirname, '../../dist/src/api/webhook-subscriber/lib/signature'));

async function subscribe(name: string, extra: Record<string, unknown> = {}) {
  return strapi()
    .documents('api::webhook-subscriber.webhook-subscriber')
    .create({ data: { name, url: `${base}/${name}`, ...extra } } as any);
}

describe('signed deliveries to registered subscribers', () => {
  it('delivers a signed JSON body on publish, and the signature verifies with the secret', async () => {
    const sub = await subscribe('site-a');
    const stored = await strapi()
      .db.query('api::webhook-subscriber.webhook-subscriber')
      .findOne({ where: { id: sub.id } });
    expect(stored.secret.length).toBeGreaterThanOrEqual(24);

    const created = await client()
      .post('/api/notices')
      .set(bearer(token))
      .send({ data: { title: '推送测试：停电通知', category: 'notice' } });
    expect(created.status).toBe(201);
    const got = await waitFor(() => received.find((r) => r.path === '/site-a'));
    const body = JSON.parse(got.body);
    expect(body.event).toBe('notice.published');
    expect(body.notice).toMatchObject({
      title: '推送测试：停电通知',
      documentId: created.body.data.documentId,
      category: 'notice',
    });
    const ts = Number(got.headers['x-webhook-timestamp']);
    const header = String(got.headers['x-webhook-signature']);
    expect(header).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(signature().verify(stored.secret, ts, got.body, header)).toBe(true);
    expect(signature().verify('wrong-secret', ts, got.body, header)).toBe(false);
    expect(signature().verify(stored.secret, ts, got.body.replace('停电', '停水'), header)).toBe(false);

    const delivery = await waitFor(async () => {
      const d = await strapi()
        .db.query('api::webhook-delivery.webhook-delivery')
        .findOne({ where: { noticeDocumentId: created.body.data.documentId } });
      return d?.status === 'succeeded' ? d : undefined;
    });
    expect(delivery.attempts).toBe(1);
    expect(delivery.log).toHaveLength(1);
    expect(delivery.log[0].statusCode).toBe(200);
  });

  it('sends notice.unpublished when a notice is withdrawn', async () => {
    received.length = 0;
    const n = await strapi()
      .documents('api::notice.notice')
      .create({ data: { title: '将被撤回的通知', category: 'news' } as any, status: 'published' } as any);
    await waitFor(() =>
      received.find(
        (r) => JSON.parse(r.body).event === 'notice.published' && JSON.parse(r.body).notice.documentId === n.documentId,
      ),
    );
    await strapi()
      .documents('api::notice.notice')
      .unpublish({ documentId: n.documentId } as any);
    const got = await waitFor(() => received.find((r) => JSON.parse(r.body).event === 'notice.unpublished'));
    expect(JSON.parse(got.body).notice.documentId).toBe(n.documentId);
  });

  it('retries with backoff after failures and records every attempt', async () => {
    await strapi()
      .db.query('api::webhook-subscriber.webhook-subscriber')
      .updateMany({ where: {}, data: { active: false } });
    await subscribe('flaky');
    received.length = 0;
    replies.push(500, 503);
    const n = await strapi()
      .documents('api::notice.notice')
      .create({ data: { title: '重试测试', category: 'notice' } as any, status: 'published' } as any);
    const delivery = await waitFor(async () => {
      const d = await strapi()
        .db.query('api::webhook-delivery.webhook-delivery')
        .findOne({ where: { noticeDocumentId: n.documentId } });
      return d?.status === 'succeeded' ? d : undefined;
    });
    expect(delivery.attempts).toBe(3);
    expect(delivery.log.map((a: any) => a.statusCode)).toEqual([500, 503, 200]);
    const times = delivery.log.map((a: any) => Date.parse(a.at));
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(times[1] - times[0]);
    expect(received.filter((r) => r.path === '/flaky')).toHaveLength(3);
  });

  it('gives up after the configured number of attempts, marked failed', async () => {
    replies.push(500, 500, 500);
    const n = await strapi()
      .documents('api::notice.notice')
      .create({ data: { title: '一直失败', category: 'notice' } as any, status: 'published' } as any);
    const delivery = await waitFor(async () => {
      const d = await strapi()
        .db.query('api::webhook-delivery.webhook-delivery')
        .findOne({ where: { noticeDocumentId: n.documentId } });
      return d?.status === 'failed' ? d : undefined;
    });
    expect(delivery.attempts).toBe(3);
    expect(delivery.lastError).toBe('HTTP 500');
  });

  it('honours a subscriber category filter', async () => {
    await strapi()
      .db.query('api::webhook-subscriber.webhook-subscriber')
      .updateMany({ where: {}, data: { active: false } });
    await subscribe('only-publicity', { filterCategory: 'publicity' });
    received.length = 0;
    await strapi()
      .documents('api::notice.notice')
      .create({ data: { title: '普通通知（不推送）', category: 'notice' } as any, status: 'published' } as any);
    await strapi()
      .documents('api::notice.notice')
      .create({ data: { title: '公示（推送）', category: 'publicity' } as any, status: 'published' } as any);
    await waitFor(() => received.find((r) => r.path === '/only-publicity'));
    await new Promise((r) => setTimeout(r, 300));
    expect(received.filter((r) => r.path === '/only-publicity').map((r) => JSON.parse(r.body).notice.title)).toEqual([
      '公示（推送）',
    ]);
  });

  it('subscribers and deliveries are not reachable through the content API, and secrets never leave', async () => {
    expect((await client().get('/api/webhook-subscribers')).status).toBe(404);
    expect((await client().get('/api/webhook-deliveries')).status).toBe(404);
  });
});

describe("Strapi's own webhooks (Settings → Webhooks)", () => {
  it('fire entry.publish for a notice', async () => {
    // Registered through the admin API, as an administrator does in Settings → Webhooks.
    const { token: admin } = await createAdmin();
    const created = await client()
      .post('/admin/webhooks')
      .set(bearer(admin))
      .send({
        name: '县政府网站',
        url: `${base}/strapi-hook`,
        headers: {},
        events: ['entry.publish', 'entry.unpublish'],
      });
    expect(created.status).toBe(201);
    received.length = 0;
    await strapi()
      .documents('api::notice.notice')
      .create({ data: { title: '内置 webhook 测试', category: 'news' } as any, status: 'published' } as any);
    const got = await waitFor(() =>
      received.find((r) => r.path === '/strapi-hook' && JSON.parse(r.body).event === 'entry.publish'),
    );
    const body = JSON.parse(got.body);
    expect(body.model).toBe('notice');
    expect(body.entry.title).toBe('内置 webhook 测试');
  });
});
