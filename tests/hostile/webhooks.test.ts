import http from 'http';
import type { AddressInfo } from 'net';
import { setupStrapi, teardownStrapi, http as client, strapi } from '../helpers/strapi';
import { bearer, createAdmin, createApiToken } from '../helpers/auth';

const SUBSCRIBER = 'api::webhook-subscriber.webhook-subscriber';
const DELIVERY = 'api::webhook-delivery.webhook-delivery';

/** A receiver on loopback: what an attacker wants the server to reach. It must never be hit. */
let receiver: http.Server;
let port: number;
let hits = 0;
let admin: string;

beforeAll(async () => {
  receiver = http.createServer((_req, res) => {
    hits++;
    res.end('ok');
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  port = (receiver.address() as AddressInfo).port;
  await setupStrapi({ WEBHOOKS_ALLOW_PRIVATE: 'false', WEBHOOK_MAX_ATTEMPTS: '1' });
  admin = (await createAdmin()).token;
});
afterAll(async () => {
  await teardownStrapi();
  await new Promise((r) => receiver.close(r));
});

describe('webhook targets: every form of an internal address is refused when saved', () => {
  it.each([
    'http://[::ffff:127.0.0.1]:PORT/h',
    'http://[::ffff:7f00:1]:PORT/h',
    'http://[0:0:0:0:0:ffff:127.0.0.1]:PORT/h',
    'http://[::127.0.0.1]:PORT/h',
    'http://[::ffff:0:127.0.0.1]:PORT/h',
    'http://[64:ff9b::127.0.0.1]:PORT/h',
    'http://[64:ff9b::a9fe:a9fe]/latest/meta-data',
    'http://[::ffff:169.254.169.254]/latest',
    'http://[::ffff:10.0.0.1]/h',
    'http://[::ffff:100.64.0.1]/h',
    'http://[fe80::1]/h',
    'http://[fd00::1]/h',
    'http://[ff02::1]/h',
    'http://[::]:PORT/h',
    'http://0.0.0.0:PORT/h',
    'http://0:PORT/h',
    'http://2130706433:PORT/h',
    'http://0x7f000001:PORT/h',
    'http://127.1:PORT/h',
    'http://100.64.1.1/h',
    'http://224.0.0.1/h',
    'http://localhost.:PORT/h',
  ])('%s → 400 naming url, nothing stored', async (form) => {
    const before = await strapi().db.query(SUBSCRIBER).count();
    const res = await client()
      .post(`/content-manager/collection-types/${SUBSCRIBER}`)
      .set(bearer(admin))
      .send({ name: '内网', url: form.replace('PORT', String(port)) });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^url: /);
    expect(await strapi().db.query(SUBSCRIBER).count()).toBe(before);
  });

  it('an update that points an existing subscriber inside is refused and leaves the URL unchanged', async () => {
    const created = await client()
      .post(`/content-manager/collection-types/${SUBSCRIBER}`)
      .set(bearer(admin))
      .send({ name: '县网站', url: 'https://93.184.216.34/hooks' });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    const res = await client()
      .put(`/content-manager/collection-types/${SUBSCRIBER}/${id}`)
      .set(bearer(admin))
      .send({ url: `http://[::ffff:7f00:1]:${port}/h` });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^url: /);
    const row = await strapi()
      .db.query(SUBSCRIBER)
      .findOne({ where: { documentId: id } });
    expect(row.url).toBe('https://93.184.216.34/hooks');
  });
});

describe('webhook deliveries re-check at send time and connect only to what they checked', () => {
  it.each([`http://localhost:PORT/h`, `http://[::ffff:127.0.0.1]:PORT/h`, `http://[64:ff9b::7f00:1]:PORT/h`])(
    'a subscriber whose URL became internal after saving (%s) gets a failed delivery; the receiver is never hit',
    async (form) => {
      // Written below the save check, as if DNS had changed since the administrator saved it.
      await strapi().db.query(SUBSCRIBER).deleteMany({});
      await strapi()
        .db.query(SUBSCRIBER)
        .create({
          data: { name: '改了解析', url: form.replace('PORT', String(port)), secret: 's'.repeat(32), active: true },
        });
      const token = await createApiToken('full-access');
      const created = await client()
        .post('/api/notices')
        .set(bearer(token))
        .send({ data: { title: `重新检查 ${form}`, category: 'notice' } });
      expect(created.status).toBe(201);
      const documentId = created.body.data.documentId;
      let delivery: { status: string; lastError: string | null } | null = null;
      for (let i = 0; i < 100 && delivery?.status !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        delivery = await strapi()
          .db.query(DELIVERY)
          .findOne({ where: { noticeDocumentId: documentId } });
      }
      expect(delivery?.status).toBe('failed');
      expect(delivery?.lastError).toMatch(/private or loopback/);
      expect(hits).toBe(0);
    },
  );
});
