import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { setupStrapi, teardownStrapi, strapi, http } from '../helpers/strapi';
import { createAdmin, bearer } from '../helpers/auth';

// WEBHOOKS_ALLOW_PRIVATE is not set here: the production rule applies.
beforeAll(() => setupStrapi({ WEBHOOKS_ALLOW_PRIVATE: 'false' }));
afterAll(teardownStrapi);

const SUBSCRIBER = 'api::webhook-subscriber.webhook-subscriber';

describe('deliveries only to public addresses', () => {
  it.each([
    'http://127.0.0.1:9/hook',
    'http://localhost:9/hook',
    'http://10.1.2.3/hook',
    'http://192.168.1.10/hook',
    'http://169.254.169.254/latest',
    'http://[::1]/hook',
    'ftp://example.com/x',
    'not a url',
  ])('refuses %s with a 400 naming url, and stores nothing', async (url) => {
    const { token } = await createAdmin();
    const before = await strapi().db.query(SUBSCRIBER).count();
    const res = await http()
      .post(`/content-manager/collection-types/${SUBSCRIBER}`)
      .set(bearer(token))
      .send({ name: '内网测试', url });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^url: /);
    expect(await strapi().db.query(SUBSCRIBER).count()).toBe(before);
  });

  it('accepts a public address', async () => {
    const { token } = await createAdmin();
    const res = await http()
      .post(`/content-manager/collection-types/${SUBSCRIBER}`)
      .set(bearer(token))
      .send({ name: '县政府网站', url: 'https://93.184.216.34/hooks/notices' });
    expect(res.status).toBe(201);
  });
});

describe("Strapi's own webhooks (Settings → Webhooks) obey the same rule", () => {
  it('a webhook to a loopback address is never delivered; with WEBHOOKS_ALLOW_PRIVATE it is', async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const { token } = await createAdmin();
      for (const url of [`http://127.0.0.1:${port}/strapi-hook`, `http://localhost:${port}/strapi-hook`]) {
        const created = await http()
          .post('/admin/webhooks')
          .set(bearer(token))
          .send({ name: '内网地址', url, headers: {}, events: ['entry.create'] });
        expect(created.status).toBe(201);
        const trigger = await http().post(`/admin/webhooks/${created.body.data.id}/trigger`).set(bearer(token));
        expect(trigger.status).toBe(200);
        expect(trigger.body.data.statusCode).not.toBe(200);
        expect(hits).toEqual([]);
      }
      // The same webhook reaches the server once private addresses are allowed: the guard was the cause.
      process.env.WEBHOOKS_ALLOW_PRIVATE = 'true';
      const list = await http().get('/admin/webhooks').set(bearer(token));
      const trigger = await http().post(`/admin/webhooks/${list.body.data[0].id}/trigger`).set(bearer(token));
      expect(trigger.body.data.statusCode).toBe(200);
      expect(hits).toEqual(['/strapi-hook']);
    } finally {
      process.env.WEBHOOKS_ALLOW_PRIVATE = 'false';
      server.close();
    }
  });
});
