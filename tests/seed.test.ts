import { setupStrapi, teardownStrapi, http, strapi } from './helpers/strapi';
import { seedDemo } from './helpers/seed';

beforeAll(() => setupStrapi());
afterAll(teardownStrapi);

const TYPES = [
  'api::branch.branch',
  'api::grid.grid',
  'api::compound.compound',
  'api::representative.representative',
  'api::notice.notice',
] as const;
const counts = () => Promise.all(TYPES.map((uid) => strapi().db.query(uid).count()));

describe('the Weishi demo seed', () => {
  it('loads the article proportions and is idempotent', async () => {
    const created = await seedDemo();
    expect(created).toBeGreaterThan(400);
    const first = await counts();
    const updatedAt = await strapi()
      .db.query('api::grid.grid')
      .findMany({ select: ['code', 'updatedAt'], orderBy: { code: 'asc' } });

    expect(await seedDemo()).toBe(0);
    expect(await counts()).toEqual(first);
    expect(
      await strapi()
        .db.query('api::grid.grid')
        .findMany({ select: ['code', 'updatedAt'], orderBy: { code: 'asc' } }),
    ).toEqual(updatedAt);
  });

  it('has the structure the article describes', async () => {
    const q = (uid: any, where: object) => strapi().db.query(uid).count({ where });
    // The article's street (两湖): counted through its branches, beside the second street's few grids.
    expect(await q('api::grid.grid', { level: 'base', branch: { parent: { code: 'LH' } } })).toBe(41);
    expect(await q('api::grid.grid', { level: 'secondary' })).toBe(94);
    expect(await q('api::compound.compound', { grid: { branch: { parent: { code: 'LH' } } } })).toBe(129);
    expect(await q('api::grid.grid', { level: 'base', branch: { parent: { code: 'YX' } } })).toBe(6);
    expect(await q('api::compound.compound', { code: { $startsWith: 'YX-' } })).toBe(12);
    expect(await q('api::branch.branch', { level: 'compound_group' })).toBe(52);
    expect(await q('api::branch.branch', { level: 'street_committee', name: '两湖街道党工委' })).toBe(1);
    // The county office above both street offices; the second street has two communities of its own.
    expect(await q('api::branch.branch', { level: 'county_committee', code: 'WS' })).toBe(1);
    expect(await q('api::branch.branch', { level: 'street_committee', parent: { code: 'WS' } })).toBe(2);
    expect(await q('api::branch.branch', { level: 'community_branch', parent: { code: 'YX' } })).toBe(2);
    expect(await q('api::branch.branch', { level: 'alliance' })).toBe(6);
    expect(await q('api::compound.compound', { isOld: true })).toBeGreaterThan(0);
    expect(await q('api::compound.compound', { isUnmanaged: true })).toBeGreaterThan(0);
    expect(await q('api::compound.compound', { redPropertyManagement: true })).toBeGreaterThan(0);
    for (const kind of ['party_congress', 'peoples_congress', 'cppcc']) {
      expect(await q('api::representative.representative', { kind })).toBeGreaterThan(0);
    }
    // The core demo's own notices (slug demo-NN): 9 published, 3 drafts kept private.
    const published = await http().get('/api/notices?filters[slug][$startsWith]=demo-');
    expect(published.body.meta.pagination.total).toBe(9);
    const community = await http().get('/api/branches?filters[name][$eq]=大西门社区党支部&populate=children');
    expect(community.body.data[0].children.length).toBeGreaterThan(5);
  });

  it('fills every row’s organisation scope from the tree', async () => {
    const ws = await strapi()
      .db.query('api::branch.branch')
      .findOne({ where: { code: 'WS' } });
    const lh = await strapi()
      .db.query('api::branch.branch')
      .findOne({ where: { code: 'LH' } });
    const c1 = await strapi()
      .db.query('api::branch.branch')
      .findOne({ where: { code: 'LH-C1' } });
    expect(lh).toMatchObject({ scopeCounty: ws.documentId, scopeStreet: lh.documentId, scopeCommunity: null });
    expect(
      await strapi()
        .db.query('api::grid.grid')
        .findOne({ where: { code: 'G01-01' } }),
    ).toMatchObject({ scopeCounty: ws.documentId, scopeStreet: lh.documentId, scopeCommunity: c1.documentId });
    // Every registry row of the demo lies in the county; notices to everyone belong to the street office.
    for (const uid of [
      'api::branch.branch',
      'api::grid.grid',
      'api::compound.compound',
      'api::representative.representative',
      'api::notice.notice',
    ] as const) {
      expect(
        await strapi()
          .db.query(uid)
          .count({
            where: {
              scopeCounty: { $null: true },
              ...(uid === 'api::notice.notice' ? { slug: { $startsWith: 'demo-' } } : {}),
            },
          }),
      ).toBe(0);
    }
    expect(
      await strapi()
        .db.query('api::notice.notice')
        .count({ where: { slug: 'demo-01', scopeStreet: lh.documentId } }),
    ).toBeGreaterThan(0);
  });
});
