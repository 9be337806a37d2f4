import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { community, member, unit } from './fixtures';
import { staffAt } from '../scoping/fixtures';

let c: any;
let other: any;
let u: any;
let staff: string;
let author: string;

const reg = (documentId: string) =>
  strapi().db.query('plugin::double-report.registration').findOne({ where: { documentId } });
const pending = (token: string, communityId?: string) =>
  http()
    .get(`/double-report/registrations/pending${communityId ? `?community=${communityId}` : ''}`)
    .set(bearer(token));
const accept = (token: string, id: string) =>
  http().post(`/double-report/registrations/${id}/accept`).set(bearer(token));

beforeAll(async () => {
  await setupStrapi();
  c = await community();
  other = await community();
  u = await unit(c);
  // Community staff work in their community (staff assignment): the plugin's admin routes are scoped.
  staff = (await staffAt('community-staff', c)).token;
  author = (await createAdmin('strapi-author')).token;
});
afterAll(teardownStrapi);

describe('community staff accept report-ins (报到接收)', () => {
  it('lists a community’s pending report-ins by name only, accepts one, refuses to accept it twice', async () => {
    const m = await member(u, c);
    const mine = await http()
      .post('/api/double-report/me/registrations')
      .set(bearer(m.jwt))
      .send({ community: c.documentId });
    const elsewhere = await http()
      .post('/api/double-report/me/registrations')
      .set(bearer(m.jwt))
      .send({ community: other.documentId });
    expect([mine.status, elsewhere.status]).toEqual([201, 201]);

    const list = await pending(staff, c.documentId);
    expect(list.status).toBe(200);
    expect(list.body.data.map((r: any) => r.documentId)).toEqual([mine.body.data.documentId]);
    expect(list.body.data[0]).toMatchObject({
      kind: 'member',
      member: { name: m.name },
      community: { documentId: c.documentId },
    });
    expect(JSON.stringify(list.body)).not.toContain('13800000000');

    const ok = await accept(staff, mine.body.data.documentId);
    expect(ok.status).toBe(200);
    expect(ok.body.data.status).toBe('accepted');
    expect((await reg(mine.body.data.documentId)).status).toBe('accepted');
    expect((await pending(staff, c.documentId)).body.data).toEqual([]);

    const twice = await accept(staff, mine.body.data.documentId);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe(
      'status: only a pending registration can be accepted (this one is accepted) (只有待处理的报到可以接收)',
    );
    expect((await reg(elsewhere.body.data.documentId)).status).toBe('pending');
  });

  it('a withdrawn report-in is not accepted; unknown id → 404; bad id → 400 naming it', async () => {
    const m = await member(u, c);
    const r = await http()
      .post('/api/double-report/me/registrations')
      .set(bearer(m.jwt))
      .send({ community: c.documentId });
    await http().post(`/api/double-report/me/registrations/${r.body.data.documentId}/withdraw`).set(bearer(m.jwt));
    const res = await accept(staff, r.body.data.documentId);
    expect(res.status).toBe(409);
    expect((await reg(r.body.data.documentId)).status).toBe('withdrawn');
    expect((await accept(staff, 'a'.repeat(24))).status).toBe(404);
    const bad = await pending(staff, 'x'.repeat(300));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^community: /);
  });

  it('an admin without the action (author) and members cannot accept: 403, nothing changed', async () => {
    const m = await member(u, c);
    const r = await http()
      .post('/api/double-report/me/registrations')
      .set(bearer(m.jwt))
      .send({ community: c.documentId });
    expect((await accept(author, r.body.data.documentId)).status).toBe(403);
    expect((await pending(author)).status).toBe(403);
    expect((await accept(m.jwt, r.body.data.documentId)).status).toBe(401);
    expect((await reg(r.body.data.documentId)).status).toBe('pending');
  });
});
