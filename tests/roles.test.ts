import { setupStrapi, teardownStrapi, http, strapi } from './helpers/strapi';
import { bearer, createAdmin, createUser } from './helpers/auth';

beforeAll(() => setupStrapi());
afterAll(teardownStrapi);

describe('roles bootstrapped on every start', () => {
  it('creates the party-unit and party-member roles', async () => {
    for (const type of ['party-unit', 'party-member']) {
      expect(await strapi().db.query('plugin::users-permissions.role').findOne({ where: { type } })).toBeTruthy();
    }
  });

  it('Public may not self-register an account', async () => {
    const res = await http()
      .post('/api/auth/local/register')
      .send({ username: 'walkin', email: 'walkin@test.local', password: 'Walkin-123' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(
      await strapi()
        .db.query('plugin::users-permissions.user')
        .count({ where: { username: 'walkin' } }),
    ).toBe(0);
  });

  it('Public cannot list users or roles', async () => {
    expect((await http().get('/api/users')).status).toBe(403);
    expect((await http().get('/api/users-permissions/roles')).status).toBe(403);
  });

  it('a party member reads registries but cannot write them', async () => {
    const { jwt } = await createUser('party-member');
    expect((await http().get('/api/grids').set(bearer(jwt))).status).toBe(200);
    expect(
      (
        await http()
          .post('/api/grids')
          .set(bearer(jwt))
          .send({ data: { name: 'x', code: 'X1', level: 'base' } })
      ).status,
    ).toBe(403);
  });
});

describe('社区工作人员 (community staff) in the admin panel', () => {
  let staff: string;
  let community: { documentId: string };
  beforeAll(async () => {
    const admin = await createAdmin('community-staff');
    staff = admin.token;
    // Staff act within the organisation they are assigned to (tests/scoping has the rules).
    const docs = (uid: string) => strapi().documents(uid as any) as any;
    const street = await docs('api::branch.branch').create({
      data: { name: '两湖街道党工委', code: 'S-LH', level: 'street_committee' },
    });
    community = await docs('api::branch.branch').create({
      data: { name: '北关社区党支部', code: 'S-BG', level: 'community_branch', parent: street.documentId },
    });
    await docs('api::staff-assignment.staff-assignment').create({
      data: { adminEmail: admin.email, branch: community.documentId },
    });
  });

  it('creates and edits registries and publishes notices in the content manager', async () => {
    const cm = '/content-manager/collection-types';
    const branch = await http()
      .post(`${cm}/api::branch.branch`)
      .set(bearer(staff))
      .send({
        name: '北关社区第1小区党小组',
        code: 'S-BG-P1',
        level: 'compound_group',
        parent: { connect: [{ documentId: community.documentId }] },
      });
    expect(branch.status).toBe(201);
    const notice = await http()
      .post(`${cm}/api::notice.notice`)
      .set(bearer(staff))
      .send({ title: '工作人员发布的通知', category: 'notice' });
    expect(notice.status).toBe(201);
    expect((await http().get('/api/notices')).body.data.map((n: any) => n.title)).not.toContain('工作人员发布的通知');
    const published = await http()
      .post(`${cm}/api::notice.notice/${notice.body.data.documentId}/actions/publish`)
      .set(bearer(staff))
      .send({});
    expect(published.status).toBe(200);
    expect((await http().get('/api/notices')).body.data.map((n: any) => n.title)).toContain('工作人员发布的通知');
  });

  it('cannot manage administrators, roles, API tokens or settings', async () => {
    expect((await http().get('/admin/users').set(bearer(staff))).status).toBe(403);
    expect((await http().get('/admin/roles').set(bearer(staff))).status).toBe(403);
    expect((await http().get('/admin/api-tokens').set(bearer(staff))).status).toBe(403);
    expect((await http().get('/admin/webhooks').set(bearer(staff))).status).toBe(403);
    expect((await http().get('/users-permissions/roles').set(bearer(staff))).status).toBe(403);
    expect(
      (await http().get('/content-manager/collection-types/plugin::users-permissions.user').set(bearer(staff))).status,
    ).toBe(403);
  });
});
