import { setupStrapi, teardownStrapi, http, strapi } from './helpers/strapi';
import { bearer, createApiToken } from './helpers/auth';

let token: string;
beforeAll(async () => {
  await setupStrapi();
  token = await createApiToken('full-access');
});
afterAll(teardownStrapi);

const post = (path: string, data: unknown) => http().post(path).set(bearer(token)).send({ data });
const count = (uid: any) => strapi().db.query(uid).count();

describe('registries through the content API', () => {
  it('creates, reads and updates a branch tree (street → community → compound group)', async () => {
    const street = await post('/api/branches', { name: '两湖街道党工委', code: 'T-LH', level: 'street_committee' });
    expect(street.status).toBe(201);
    const community = await post('/api/branches', {
      name: '大西门社区党支部',
      code: 'T-DXM',
      level: 'community_branch',
      category: 'urban',
      parent: street.body.data.documentId,
      phone: '13900000000',
    });
    expect(community.status).toBe(201);
    expect(community.body.data.phone).toBeUndefined();
    const group = await post('/api/branches', {
      name: '第一小区党小组',
      code: 'T-DXM-P1',
      level: 'compound_group',
      parent: community.body.data.documentId,
    });
    expect(group.status).toBe(201);

    const tree = await http().get(
      `/api/branches/${community.body.data.documentId}?populate[0]=parent&populate[1]=children`,
    );
    expect(tree.status).toBe(200);
    expect(tree.body.data.parent.code).toBe('T-LH');
    expect(tree.body.data.children.map((c: any) => c.code)).toEqual(['T-DXM-P1']);

    const updated = await http()
      .put(`/api/branches/${community.body.data.documentId}`)
      .set(bearer(token))
      .send({ data: { memberCount: 42 } });
    expect(updated.status).toBe(200);
    const read = await http().get(`/api/branches/${community.body.data.documentId}`);
    expect(read.body.data.memberCount).toBe(42);
  });

  it('creates grids with their five heads, compounds and representatives linked to them', async () => {
    const base = await post('/api/grids', {
      name: '第1基础网格',
      code: 'T-G1',
      level: 'base',
      heads: [{ role: 'grid_head', name: '王建国', phone: '13900000001' }],
    });
    expect(base.status).toBe(201);
    const secondary = await post('/api/grids', {
      name: '第1基础网格二级网格1',
      code: 'T-G1-1',
      level: 'secondary',
      parent: base.body.data.documentId,
      heads: ['street_head', 'party_group_head', 'building_head', 'unit_head'].map((role, i) => ({
        role,
        name: `楼长${i}`,
        phone: `1390000001${i}`,
        building: '3号楼',
      })),
    });
    expect(secondary.status).toBe(201);
    const compound = await post('/api/compounds', {
      name: '教育局家属院',
      code: 'T-C1',
      grid: secondary.body.data.documentId,
      isOld: true,
      isUnmanaged: true,
      households: 96,
    });
    expect(compound.status).toBe(201);
    const rep = await post('/api/representatives', {
      name: '李秀兰',
      kind: 'peoples_congress',
      level: 'county',
      grid: base.body.data.documentId,
      liaisonStation: 'peoples_station',
      phone: '13900000002',
    });
    expect(rep.status).toBe(201);

    const res = await http().get(
      `/api/grids/${secondary.body.data.documentId}?populate[heads]=true&populate[compounds]=true&populate[parent]=true`,
    );
    expect(res.status).toBe(200);
    expect(res.body.data.heads).toHaveLength(4);
    expect(res.body.data.heads.every((h: any) => h.phone === undefined && h.name)).toBe(true);
    expect(res.body.data.compounds[0]).toMatchObject({ code: 'T-C1', isOld: true, isUnmanaged: true });
    expect(res.body.data.parent.code).toBe('T-G1');

    const baseRead = await http().get(`/api/grids/${base.body.data.documentId}?populate=representatives`);
    expect(baseRead.body.data.representatives.map((r: any) => r.name)).toEqual(['李秀兰']);
    expect(baseRead.body.data.representatives[0].phone).toBeUndefined();
  });
});

describe('every type can be created, read back and updated', () => {
  const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    [
      '/api/branches',
      { name: '前岗村党支部', code: 'U-V1', level: 'community_branch', category: 'rural' },
      { secretary: '赵德胜' },
    ],
    ['/api/grids', { name: '专属网格', code: 'U-GD', level: 'dedicated' }, { households: 120, population: 360 }],
    ['/api/compounds', { name: '供电家属院', code: 'U-C1' }, { redPropertyManagement: true, ownersCommittee: 'red' }],
    [
      '/api/representatives',
      { name: '周玉兰', kind: 'cppcc', level: 'city' },
      { liaisonStation: 'cppcc_home', duties: '联系网格群众' },
    ],
    ['/api/notices', { title: '更新测试', category: 'news' }, { summary: '已更新的摘要' }],
  ];
  it.each(cases)('%s', async (path, create, update) => {
    const created = await post(path, create);
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    const put = await http().put(`${path}/${id}`).set(bearer(token)).send({ data: update });
    expect(put.status).toBe(200);
    const read = await http().get(`${path}/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ ...create, ...update });
  });
});

describe('bad input is a 400 naming the field, and nothing is written', () => {
  it('rejects a missing required field', async () => {
    const before = await count('api::branch.branch');
    const res = await post('/api/branches', { code: 'T-NONAME', level: 'community_branch' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/name/);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain('name');
    expect(await count('api::branch.branch')).toBe(before);
  });

  it('rejects a value outside an enumeration', async () => {
    const before = await count('api::grid.grid');
    const res = await post('/api/grids', { name: '坏网格', code: 'T-BAD', level: 'province' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/level/);
    expect(await count('api::grid.grid')).toBe(before);
  });

  it('rejects a duplicate code', async () => {
    expect((await post('/api/compounds', { name: '幸福家园', code: 'T-DUP' })).status).toBe(201);
    const before = await count('api::compound.compound');
    const res = await post('/api/compounds', { name: '幸福家园二期', code: 'T-DUP' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/code/);
    expect(res.body.error.message).toMatch(/unique/);
    expect(await count('api::compound.compound')).toBe(before);
  });

  it('rejects a bad component inside a grid and writes neither grid nor heads', async () => {
    const before = await count('api::grid.grid');
    const res = await post('/api/grids', {
      name: '网格X',
      code: 'T-GX',
      level: 'base',
      heads: [{ role: 'mayor', name: '某某' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/heads/);
    expect(await count('api::grid.grid')).toBe(before);
  });
});

describe('who may write', () => {
  it('Public and a read-only token cannot create, update or delete', async () => {
    const readOnly = await createApiToken('read-only');
    const before = await count('api::branch.branch');
    expect(
      (
        await http()
          .post('/api/branches')
          .send({ data: { name: 'x', code: 'T-X', level: 'alliance' } })
      ).status,
    ).toBe(403);
    expect(
      (
        await http()
          .post('/api/branches')
          .set(bearer(readOnly))
          .send({ data: { name: 'x', code: 'T-X', level: 'alliance' } })
      ).status,
    ).toBe(403);
    const existing = (await http().get('/api/branches')).body.data[0];
    expect(
      (
        await http()
          .put(`/api/branches/${existing.documentId}`)
          .send({ data: { name: 'hacked' } })
      ).status,
    ).toBe(403);
    expect((await http().delete(`/api/branches/${existing.documentId}`)).status).toBe(403);
    expect(await count('api::branch.branch')).toBe(before);
  });
});
