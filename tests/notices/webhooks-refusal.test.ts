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
