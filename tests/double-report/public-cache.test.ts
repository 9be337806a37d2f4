import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer } from '../helpers/auth';
import { activity, community, unit } from './fixtures';

const ITEM = 'plugin::double-report.list-item';
let c: any;
let u: any;

beforeAll(async () => {
  await setupStrapi();
  c = await community('缓存测试社区');
  u = await unit(c, '缓存测试单位');
});
afterAll(teardownStrapi);

const needs = () => `/api/double-report/communities/${c.documentId}/needs`;
const activities = () => `/api/double-report/communities/${c.documentId}/activities`;
const newNeed = async (title: string) =>
  (await strapi()
    .documents(ITEM as any)
    .create({ data: { type: 'need', title, community: c.documentId, status: 'open' } as any })) as any;

describe('HTTP caching of the public community lists', () => {
  it.each([
    ['needs', needs],
    ['activities', activities],
  ])('%s sends validators and answers 304 to a matching conditional request', async (_name, url) => {
    const first = await http().get(url());
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toMatch(/public/);
    expect(first.headers['last-modified']).toBeTruthy();
    const again = await http().get(url()).set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    expect((await http().get(url()).set('If-Modified-Since', first.headers['last-modified'])).status).toBe(304);
    // A second plain read is served from the cache, with the same body and validators.
    const cachedCopy = await http().get(url());
    expect(cachedCopy.status).toBe(200);
    expect(cachedCopy.body).toEqual(first.body);
    expect(cachedCopy.headers.etag).toBe(first.headers.etag);
  });

  it('a claim is seen by the very next request (the item leaves the open needs)', async () => {
    const item = await newNeed('缓存测试：楼道照明');
    const before = await http().get(needs());
    expect(before.body.data.map((i: any) => i.documentId)).toContain(item.documentId);
    expect((await http().get(needs()).set('If-None-Match', before.headers.etag)).status).toBe(304);

    expect(
      (await http().post(`/api/double-report/list-items/${item.documentId}/claim`).set(bearer(u.jwt))).status,
    ).toBe(200);
    const after = await http().get(needs()).set('If-None-Match', before.headers.etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body.data.map((i: any) => i.documentId)).not.toContain(item.documentId);
    expect((await http().get(needs())).body.data.map((i: any) => i.documentId)).not.toContain(item.documentId);
  });

  it('a new need and a new activity (staff, Document Service) are seen by the very next request', async () => {
    const needsBefore = await http().get(needs());
    const activitiesBefore = await http().get(activities());
    const item = await newNeed('缓存测试：新需求');
    const a = await activity(c, { title: '缓存测试：新活动' });
    const needsAfter = await http().get(needs()).set('If-None-Match', needsBefore.headers.etag);
    expect(needsAfter.status).toBe(200);
    expect(needsAfter.body.data.map((i: any) => i.documentId)).toContain(item.documentId);
    const activitiesAfter = await http().get(activities()).set('If-None-Match', activitiesBefore.headers.etag);
    expect(activitiesAfter.status).toBe(200);
    expect(activitiesAfter.body.data.map((x: any) => x.documentId)).toContain(a.documentId);
    // Still no private field or token in the public answer.
    expect(JSON.stringify(activitiesAfter.body)).not.toMatch(/qrToken|tok-|"lat"|phone/);
  });

  it('an edit of an activity in the Content Manager is seen by the very next request', async () => {
    const a = await activity(c, { title: '缓存测试：旧标题' });
    const before = await http().get(activities());
    await strapi()
      .documents('plugin::double-report.activity' as any)
      .update({ documentId: a.documentId, data: { title: '缓存测试：新标题' } as any });
    const after = await http().get(activities()).set('If-None-Match', before.headers.etag);
    expect(after.status).toBe(200);
    expect(after.body.data.find((x: any) => x.documentId === a.documentId).title).toBe('缓存测试：新标题');
  });

  it('a caller with a token is never served the shared copy', async () => {
    const anon = await http().get(needs());
    const withToken = await http().get(needs()).set(bearer(u.jwt)).set('If-None-Match', anon.headers.etag);
    expect(withToken.status).toBe(200);
    expect(withToken.headers.etag).toBeUndefined();
  });
});
