import { setupStrapi, teardownStrapi, http, strapi } from './helpers/strapi';
import { bearer, createAdmin } from './helpers/auth';
import { seedDemo } from './helpers/seed';

let root: string;
beforeAll(async () => {
  await setupStrapi();
  root = (await createAdmin('strapi-super-admin')).token;
  // Booting on a loaded machine (PostgreSQL, two cores shared) can take minutes.
}, 600000);
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
  }, 600000);

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

/**
 * The demo lives in the present: right after seeding a new database, what staff open on the current
 * year (the pages' default) has figures, and dates sit around today. Through the staff routes.
 */
describe('the demo is dated from the day it is seeded', () => {
  const DAY = 86400000;
  const year = new Date().getUTCFullYear();
  const get = (url: string) => http().get(url).set(bearer(root));

  it('this year’s star campaign is under way and last year’s is finished', async () => {
    const now = await get(`/star-scoring/dashboard?year=${year}`);
    expect(now.status).toBe(200);
    const statuses = new Set(now.body.data.byStarAndStatus.map((r: { status: string }) => r.status));
    expect([...statuses].sort()).toEqual(['draft', 'publicized', 'reviewed', 'self_assessed']);
    const last = await get(`/star-scoring/dashboard?year=${year - 1}`);
    const starred = last.body.data.branchesPerLevel.filter((l: { level: number }) => l.level > 0);
    expect(starred.reduce((n: number, l: { count: number }) => n + l.count, 0)).toBe(7);
  });

  it('the double-report dashboard of this year has verified hours for every community with members', async () => {
    const res = await get(`/double-report/dashboard?year=${year}`);
    expect(res.status).toBe(200);
    const { communities, members, underRequirement } = res.body.data;
    const withMembers = communities.filter((c: { members: number }) => c.members > 0);
    expect(withMembers.length).toBe(3);
    for (const c of withMembers) expect(c.verifiedHours).toBeGreaterThan(0);
    expect(members.every((m: { verifiedHours: number }) => m.verifiedHours > 0)).toBe(true);
    // Not everyone short of the requirement, as a year without figures would show.
    expect(underRequirement.members.length).toBeLessThan(members.length);
  });

  it('check-ins of the last weeks wait for verification, activities run today and are planned this month and next', async () => {
    const queue = await get('/double-report/check-ins/queue');
    expect(queue.status).toBe(200);
    expect(queue.body.data.length).toBeGreaterThan(0);
    for (const c of queue.body.data) {
      expect(Date.now() - new Date(c.checkedInAt).getTime()).toBeLessThan(21 * DAY);
    }
    const c1 = await strapi()
      .db.query('api::branch.branch')
      .findOne({ where: { code: 'LH-C1' } });
    const acts = await get(`/double-report/communities/${c1.documentId}/activities`);
    expect(acts.status).toBe(200);
    const starts = acts.body.data.map((a: { startsAt: string; endsAt: string }) => a);
    expect(
      starts.some((a: any) => new Date(a.startsAt).getTime() < Date.now() && new Date(a.endsAt).getTime() > Date.now()),
    ).toBe(true);
    expect(starts.filter((a: any) => new Date(a.startsAt).getTime() > Date.now()).length).toBeGreaterThanOrEqual(2);
  });

  it('meetings past and upcoming, some action items overdue, every branch owner in the tree, one street name', async () => {
    const meetings = await get('/deliberation/meetings?pageSize=100');
    expect(meetings.status).toBe(200);
    const list: Array<{ startAt: string; status: string; title: string }> = meetings.body.data;
    expect(list.some((m) => m.status === 'scheduled' && new Date(m.startAt).getTime() > Date.now())).toBe(true);
    expect(list.some((m) => m.status === 'held')).toBe(true);
    expect(list.some((m) => m.status === 'published')).toBe(true);
    const board = await get('/deliberation/action-items?pageSize=100');
    expect(board.status).toBe(200);
    expect(board.body.meta.pagination.overdue).toBeGreaterThan(0);
    const branchOwners = board.body.data.filter((i: { ownerKind: string }) => i.ownerKind === 'branch');
    expect(branchOwners.length).toBeGreaterThan(0);
    for (const o of branchOwners) {
      expect(
        await strapi()
          .db.query('api::branch.branch')
          .count({ where: { name: o.ownerName } }),
      ).toBe(1);
    }
    const councils = await get('/deliberation/councils');
    expect(JSON.stringify([councils.body, meetings.body, board.body])).not.toMatch(/龙湖/);
  });
});
