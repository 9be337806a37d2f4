import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { staff } from '../star-scoring/fixtures';
import { buildWorld, staffAt } from '../scoping/fixtures';

// The staff fast path answers a cached staff read before Strapi's admin authentication. These
// tests hold it to what the route's policy would decide: only a live session of an active user
// whose role holds the route's action ever receives the cached copy.
const ROUTE = `/star-scoring/dashboard?year=${new Date().getFullYear()}`;

// The staff of these tests work in one county (an administrator without an organisation is refused outright).
let county: { documentId: string };
beforeAll(async () => {
  await setupStrapi();
  county = (await buildWorld()).county;
});
afterAll(teardownStrapi);

const get = (token: string, headers: Record<string, string> = {}) =>
  http()
    .get(ROUTE)
    .set({ ...bearer(token), ...headers });

/** Fills the cache as an admin who holds the action, and returns that answer. */
async function warm() {
  const token = await staff(['read'], county);
  const first = await get(token);
  if (first.status !== 200) throw new Error(JSON.stringify(first.body));
  const second = await get(token);
  expect(second.status).toBe(200);
  expect(second.headers['x-cache']).toBe('HIT'); // served before routing, by the staff fast path
  return first;
}

describe('cached staff reads reach only callers the route admits', () => {
  it('an admin holding the action gets the same answer, and a 304 with its ETag', async () => {
    const first = await warm();
    const other = await staff(['read'], county);
    const again = await get(other);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers['cache-control']).toBe('private, no-cache');
    expect(again.headers['x-cache']).toBe('HIT');
    expect((await get(other, { 'If-None-Match': again.headers.etag })).status).toBe(304);
  });

  it('an admin whose role lacks the action is refused, however warm the cache', async () => {
    await warm();
    const outsider = await staff(['assess'], county);
    const res = await get(outsider);
    expect(res.status).toBe(403);
    expect(res.body.data).toBeNull();
    expect(
      (await get(outsider, { 'If-None-Match': (await get(await staff(['read'], county))).headers.etag })).status,
    ).toBe(403);
  });

  it('a forged, expired-looking or foreign token is refused', async () => {
    await warm();
    expect((await get('not-a-token')).status).toBe(401);
    const { token } = await createAdmin();
    const [h, p] = token.split('.');
    expect((await get(`${h}.${p}.forgedsignature`)).status).toBe(401);
    expect((await http().get(ROUTE)).status).toBe(401);
  });

  it('after logout the session is gone and its token gets nothing', async () => {
    await warm();
    const token = await staff(['read'], county);
    expect((await get(token)).status).toBe(200);
    const out = await http().post('/admin/logout').set(bearer(token)).send({});
    expect([200, 204]).toContain(out.status);
    expect((await get(token)).status).toBe(401);
  });

  it('a deactivated admin gets nothing from the next request on', async () => {
    await warm();
    const token = await staff(['read'], county);
    expect((await get(token)).status).toBe(200);
    const me = await http().get('/admin/users/me').set(bearer(token));
    await strapi()
      .db.query('admin::user')
      .update({ where: { id: me.body.data.id }, data: { isActive: false } });
    expect((await get(token)).status).toBe(401);
  });

  it('a role that loses the action is refused from the next request on', async () => {
    await warm();
    const token = await staff(['read'], county);
    expect((await get(token)).status).toBe(200);
    const me = await http().get('/admin/users/me').set(bearer(token));
    const roles: any = strapi().service('admin::role');
    await roles.assignPermissions(me.body.data.roles[0].id, []);
    expect((await get(token)).status).toBe(403);
  });

  it('staff of different organisations never share a copy; staff of the same one do', async () => {
    const world = await buildWorld();
    const a = await staffAt('community-staff', world.c1);
    expect((await get(a.token)).status).toBe(200);
    expect((await get(a.token)).headers['x-cache']).toBe('HIT');
    const other = await staffAt('community-staff', world.c2);
    const theirs = await get(other.token);
    expect(theirs.status).toBe(200);
    expect(theirs.headers['x-cache']).toBe('MISS');
    const colleague = await staffAt('community-staff', world.c1);
    expect((await get(colleague.token)).headers['x-cache']).toBe('HIT');
  });
});
