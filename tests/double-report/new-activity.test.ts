import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer } from '../helpers/auth';
import { buildWorld, worldStaff, type World } from '../scoping/fixtures';

// 新建服务活动 from the activities tab: staff create an activity for the community the page shows.
const ACTIVITY = 'plugin::double-report.activity';
let w: World;
let staff: { c1: string; street: string; county: string };

const create = (community: string, token: string, body: Record<string, unknown>) =>
  http().post(`/double-report/communities/${community}/activities`).set(bearer(token)).send(body);
const count = () => strapi().db.query(ACTIVITY).count();
const hours = (h: number) => new Date(Date.now() + h * 3600000).toISOString();
const good = () => ({
  title: '周末政策宣讲',
  kind: 'policy_talk',
  startsAt: hours(24),
  endsAt: hours(26),
  place: '社区党群服务中心',
});

beforeAll(async () => {
  await setupStrapi();
  w = await buildWorld();
  staff = await worldStaff(w);
});
afterAll(teardownStrapi);

describe('新建服务活动 (POST /double-report/communities/:documentId/activities)', () => {
  it('creates the activity in the page community, with its scope and a printable QR code', async () => {
    const res = await create(w.c1.documentId, staff.c1, { ...good(), capacity: 30 });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      title: '周末政策宣讲',
      kind: 'policy_talk',
      place: '社区党群服务中心',
      capacity: 30,
    });
    const row: any = await strapi()
      .db.query(ACTIVITY)
      .findOne({ where: { documentId: res.body.data.documentId }, populate: { community: true } });
    expect(row.community.documentId).toBe(w.c1.documentId);
    expect(row.scopeCommunity).toBe(w.c1.documentId);
    expect(row.qrToken).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // Listed on the tab and on the public list; its QR code opens.
    const listed = await http().get(`/double-report/communities/${w.c1.documentId}/activities`).set(bearer(staff.c1));
    expect(listed.body.data.map((a: any) => a.documentId)).toContain(res.body.data.documentId);
    const pub = await http().get(`/api/double-report/communities/${w.c1.documentId}/activities`);
    expect(pub.body.data.map((a: any) => a.documentId)).toContain(res.body.data.documentId);
    expect(JSON.stringify(pub.body)).not.toContain(row.qrToken);
    const qr = await http().get(`/double-report/activities/${res.body.data.documentId}/qr`).set(bearer(staff.c1));
    expect(qr.status).toBe(200);
    expect(qr.body.data.url).toContain(encodeURIComponent(row.qrToken));
  });

  it.each([
    ['title', { title: '' }],
    ['kind', { kind: 'party' }],
    ['startsAt', { startsAt: '明天上午' }],
    ['endsAt', { endsAt: hours(23) }],
    ['capacity', { capacity: 0 }],
  ])('refuses a bad %s with a 400 naming it, and writes nothing', async (field, change) => {
    const before = await count();
    const res = await create(w.c1.documentId, staff.c1, { ...good(), ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(new RegExp(`^${field}: `));
    expect(await count()).toBe(before);
  });

  it('refuses fields the form does not own (the community comes from the path)', async () => {
    const before = await count();
    const res = await create(w.c1.documentId, staff.c1, { ...good(), community: w.c3.documentId });
    expect(res.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('another organisation is refused (403), and the street office does not run activities', async () => {
    const before = await count();
    expect((await create(w.c3.documentId, staff.c1, good())).status).toBe(403);
    expect((await create(w.c2.documentId, staff.c1, good())).status).toBe(403);
    // The street reads the figures; running activities is the community's (its role has no activities.manage).
    expect((await create(w.c2.documentId, staff.street, good())).status).toBe(403);
    expect(await count()).toBe(before);
  });
});
