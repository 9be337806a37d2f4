import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { busDelay, withOtherInstance } from '../helpers/instance';
import { bearer, createApiToken } from '../helpers/auth';

let token: string;
beforeAll(async () => {
  await setupStrapi({}, { demo: true });
  token = await createApiToken('full-access');
});
afterAll(teardownStrapi);

const ROUTES = ['/api/notices', '/api/notices/feed.rss', '/api/notices/feed.atom', '/api/notices/feed.json'];

describe('HTTP caching of the public notice routes', () => {
  it.each(ROUTES)('%s sends validators and answers 304 to a matching conditional request', async (route) => {
    const first = await http().get(route);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^W\/".+"$/);
    expect(first.headers['last-modified']).toBeTruthy();
    expect(first.headers['cache-control']).toMatch(/public/);
    expect(first.headers['cache-control']).toMatch(/s-maxage=\d+/);

    const byEtag = await http().get(route).set('If-None-Match', first.headers.etag);
    expect(byEtag.status).toBe(304);
    expect(byEtag.text ?? '').toBe('');
    const byDate = await http().get(route).set('If-Modified-Since', first.headers['last-modified']);
    expect(byDate.status).toBe(304);
    const stale = await http().get(route).set('If-None-Match', 'W/"something-else"');
    expect(stale.status).toBe(200);
  });

  it('a notice detail has validators too', async () => {
    const list = await http().get('/api/notices');
    const one = await http().get(`/api/notices/${list.body.data[0].documentId}`);
    expect(one.status).toBe(200);
    expect(
      (await http().get(`/api/notices/${list.body.data[0].documentId}`).set('If-None-Match', one.headers.etag)).status,
    ).toBe(304);
  });

  it('publishing, editing and unpublishing are seen by the very next read', async () => {
    const before = await http().get('/api/notices/feed.json');
    const created = await http()
      .post('/api/notices')
      .set(bearer(token))
      .send({ data: { title: '缓存失效测试：新发布', category: 'news' } });
    expect(created.status).toBe(201);
    const afterPublish = await http().get('/api/notices/feed.json').set('If-None-Match', before.headers.etag);
    expect(afterPublish.status).toBe(200);
    expect(JSON.parse(afterPublish.text).items[0].title).toBe('缓存失效测试：新发布');

    const id = created.body.data.documentId;
    await http()
      .put(`/api/notices/${id}`)
      .set(bearer(token))
      .send({ data: { title: '缓存失效测试：已修改' } });
    const afterEdit = await http().get('/api/notices/feed.json').set('If-None-Match', afterPublish.headers.etag);
    expect(afterEdit.status).toBe(200);
    expect(JSON.parse(afterEdit.text).items[0].title).toBe('缓存失效测试：已修改');
    const list = await http().get('/api/notices?sort=publishedAt:desc');
    expect(list.body.data[0].title).toBe('缓存失效测试：已修改');

    await strapi()
      .documents('api::notice.notice')
      .unpublish({ documentId: id } as any);
    const afterUnpublish = await http().get('/api/notices/feed.json');
    expect(JSON.parse(afterUnpublish.text).items.map((i: any) => i.title)).not.toContain('缓存失效测试：已修改');
    expect((await http().get(`/api/notices/${id}`)).status).toBe(404);
  });

  it('editing only a draft changes nothing public (same ETag)', async () => {
    const first = await http().get('/api/notices');
    const draft = await strapi()
      .db.query('api::notice.notice')
      .findOne({ where: { slug: 'demo-11' } });
    await strapi()
      .documents('api::notice.notice')
      .update({ documentId: draft.documentId, data: { summary: '只改草稿' } } as any);
    const again = await http().get('/api/notices').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
  });

  it('an authenticated caller is never served the anonymous cache', async () => {
    await http().get('/api/notices?status=draft');
    const withToken = await http().get('/api/notices?status=draft').set(bearer(token));
    expect(withToken.status).toBe(200);
    expect(withToken.headers.etag).toBeUndefined();
    expect(withToken.body.data.some((n: any) => n.publishedAt === null)).toBe(true);
  });
});

describe('two app instances on one database', () => {
  for (const redis of [false, true]) {
    it(`instance B sees an edit made through instance A at once (${redis ? 'Redis broadcast' : 'database validators'})`, async () => {
      await withOtherInstance(redis, async (url) => {
        const b = (p: string, headers: Record<string, string> = {}) => fetch(url + p, { headers });
        const first = await b('/api/notices/feed.json');
        expect(first.status).toBe(200);
        const etag = first.headers.get('etag')!;
        expect((await b('/api/notices/feed.json', { 'If-None-Match': etag })).status).toBe(304);

        const title = `跨实例通知 ${redis ? 'redis' : 'db'}`;
        await strapi()
          .documents('api::notice.notice')
          .create({ data: { title, category: 'notice' } as any, status: 'published' } as any);
        await busDelay(redis);
        const after = await b('/api/notices/feed.json', { 'If-None-Match': etag });
        expect(after.status).toBe(200);
        expect(((await after.json()) as any).items[0].title).toBe(title);
        // Both instances compute the same validators from the database.
        expect(after.headers.get('etag')).toBe(
          (await http().get('/api/notices/feed.json').set('Host', new URL(url).host)).headers.etag,
        );
      });
    });
  }
});
