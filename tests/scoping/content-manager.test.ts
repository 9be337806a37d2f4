import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import {
  ASSIGNMENT,
  BRANCH,
  CM,
  COMPOUND,
  GOVERNED,
  GRID,
  NOTICE,
  REPRESENTATIVE,
  buildWorld,
  inScope,
  row,
  staffAt,
  type World,
  worldStaff,
  expectMixedBulkDeleteRefused,
} from './fixtures';

/**
 * Organisation scope in the Content Manager, as each kind of staff account sees it over HTTP:
 * the 本组织及下级 condition on reads, the scope middleware on writes.
 */
let w: World;
let root: string;
let c1: string; // community staff of 甲社区 (street S1)
let street: string; // street staff of S1 (甲社区 and 乙社区)
let county: string; // county reviewer
let nobody: string; // community staff without an assignment

beforeAll(async () => {
  await setupStrapi();
  w = await buildWorld();
  root = (await createAdmin()).token;
  ({ c1, street, county } = await worldStaff(w));
  nobody = (await staffAt('community-staff')).token;
});
afterAll(teardownStrapi);

const list = (token: string, uid: string, query = '') =>
  http().get(`${CM}/${uid}?page=1&pageSize=100${query}`).set(bearer(token));
const ids = (res: { body: { results: Array<{ documentId: string }> } }) =>
  new Set(res.body.results.map((r) => r.documentId));

describe('lists hold only the caller’s organisation and what is below it', () => {
  it.each(GOVERNED)(
    '%s: community, street and county staff see exactly their rows (counted in the database)',
    async (uid) => {
      for (const [token, column, node] of [
        [c1, 'scopeCommunity', w.c1],
        [street, 'scopeStreet', w.s1],
        [county, 'scopeCounty', w.county],
      ] as const) {
        const expected = await inScope(uid, column, node);
        expect(expected.size).toBeGreaterThan(0);
        const res = await list(token, uid);
        expect(res.status).toBe(200);
        expect(res.body.pagination.total).toBe(expected.size);
        expect(ids(res)).toEqual(expected);
      }
    },
  );

  it('the scopes nest: community ⊂ street ⊂ county, and the other street is not in the first street’s', async () => {
    const mine = ids(await list(c1, GRID));
    const s1 = ids(await list(street, GRID));
    const all = ids(await list(county, GRID));
    expect(mine).toEqual(new Set(w.c1.grids.map((g) => g.documentId)));
    for (const g of [...w.c1.grids, ...w.c2.grids]) expect(s1.has(g.documentId)).toBe(true);
    for (const g of w.c3.grids) expect(s1.has(g.documentId)).toBe(false);
    for (const g of [...w.c1.grids, ...w.c2.grids, ...w.c3.grids]) expect(all.has(g.documentId)).toBe(true);
  });

  it('a notice addressed to two communities belongs to their common ancestor', async () => {
    expect(ids(await list(county, NOTICE)).has(w.countyNotice.documentId)).toBe(true);
    expect(ids(await list(street, NOTICE)).has(w.countyNotice.documentId)).toBe(false);
    expect(ids(await list(c1, NOTICE)).has(w.countyNotice.documentId)).toBe(false);
  });

  it('Super Admin sees every row', async () => {
    for (const uid of GOVERNED) {
      const total = await strapi()
        .db.query(uid as any)
        .count({ where: uid === NOTICE ? { publishedAt: null } : {} });
      expect((await list(root, uid)).body.pagination.total).toBe(total);
    }
  });

  it('an administrator without an assignment sees none of the governed records', async () => {
    for (const uid of GOVERNED) {
      const res = await list(nobody, uid);
      // No condition holds, so Strapi grants no read at all: 403 rather than an empty page.
      expect(res.status).toBe(403);
      expect(res.body.results).toBeUndefined();
    }
  });

  it('filters cannot reach past the scope (filtering on another community’s branch finds nothing)', async () => {
    const res = await list(c1, GRID, `&filters[$and][0][branch][documentId][$eq]=${w.c2.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.pagination.total).toBe(0);
    const mine = await list(c1, GRID, `&filters[$and][0][branch][documentId][$eq]=${w.c1.documentId}`);
    expect(mine.body.pagination.total).toBe(2);
  });

  it('filtering or sorting on a scope column is refused like any private field', async () => {
    expect((await http().get(`/api/grids?filters[scopeCommunity][$eq]=${w.c1.documentId}`)).status).toBe(400);
    expect((await http().get('/api/grids?sort=scopeStreet')).status).toBe(400);
  });
});

describe('out-of-scope rows cannot be opened, changed, deleted, published or cloned', () => {
  it('findOne of another community’s grid is refused', async () => {
    const res = await http().get(`${CM}/${GRID}/${w.c2.grids[0].documentId}`).set(bearer(c1));
    expect(res.status).toBe(403);
    expect((await http().get(`${CM}/${GRID}/${w.c1.grids[0].documentId}`).set(bearer(c1))).status).toBe(200);
  });

  it('update is refused and writes nothing', async () => {
    const target = w.c2.grids[0];
    const res = await http().put(`${CM}/${GRID}/${target.documentId}`).set(bearer(c1)).send({ name: '被改名的网格' });
    expect(res.status).toBe(403);
    expect((await row(GRID, { documentId: target.documentId }))?.name).toBe(target.name);
  });

  it('delete is refused and the row stays', async () => {
    const target = w.c2.compounds[0];
    expect((await http().delete(`${CM}/${COMPOUND}/${target.documentId}`).set(bearer(c1))).status).toBe(403);
    expect(await row(COMPOUND, { documentId: target.documentId })).toBeTruthy();
  });

  it('publishing another community’s notice is refused and nothing is published', async () => {
    const res = await http().post(`${CM}/${NOTICE}/${w.c2.notice.documentId}/actions/publish`).set(bearer(c1)).send({});
    expect(res.status).toBe(403);
    expect(await row(NOTICE, { documentId: w.c2.notice.documentId, publishedAt: { $notNull: true } })).toBeNull();
    const mine = await http()
      .post(`${CM}/${NOTICE}/${w.c1.notice.documentId}/actions/publish`)
      .set(bearer(c1))
      .send({});
    expect(mine.status).toBe(200);
    // The published version carries the scope too: still the community's, still visible to its staff.
    const published = await row(NOTICE, { documentId: w.c1.notice.documentId, publishedAt: { $notNull: true } });
    expect(published?.scopeCommunity).toBe(w.c1.documentId);
  });

  it('cloning another community’s grid is refused (the Content Manager reads the source without a permission check)', async () => {
    const before = await strapi().db.query(GRID).count();
    const res = await http()
      .post(`${CM}/${GRID}/clone/${w.c2.grids[1].documentId}`)
      .set(bearer(c1))
      .send({ code: 'CLONE-X', name: '克隆' });
    expect(res.status).toBe(403);
    expect(await strapi().db.query(GRID).count()).toBe(before);
  });

  it('bulk delete of mixed ids deletes none: Strapi refuses the whole request when one document is out of scope', async () => {
    const mine = w.c1.compounds[1];
    const theirs = w.c2.compounds[1];
    await expectMixedBulkDeleteRefused(COMPOUND, c1, mine.documentId, theirs.documentId);
    const own = await http()
      .post(`${CM}/${COMPOUND}/actions/bulkDelete`)
      .set(bearer(c1))
      .send({ documentIds: [mine.documentId] });
    expect(own.status).toBe(200);
    expect(own.body.count).toBe(1);
    expect(await row(COMPOUND, { documentId: mine.documentId })).toBeNull();
  });

  it('street staff and county reviewers only read: writes in their own scope are refused', async () => {
    expect(
      (await http().put(`${CM}/${GRID}/${w.c1.grids[0].documentId}`).set(bearer(street)).send({ name: 'x' })).status,
    ).toBe(403);
    expect(
      (
        await http()
          .post(`${CM}/${GRID}`)
          .set(bearer(county))
          .send({ name: 'x', code: 'T-CNTY', level: 'base', branch: w.c1.documentId })
      ).status,
    ).toBe(403);
  });
});

describe('writes that would put a row outside the writer’s organisation', () => {
  it('creating a grid under another community’s branch is 403 naming the field; nothing is written', async () => {
    const res = await http()
      .post(`${CM}/${GRID}`)
      .set(bearer(c1))
      .send({
        name: '越界网格',
        code: 'T-OUT-1',
        level: 'base',
        branch: { connect: [{ documentId: w.c2.documentId }] },
      });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/^branch: outside your organisation \(甲社区党支部\)/);
    expect(res.body.error.details.errors[0].path).toEqual(['branch']);
    expect(await row(GRID, { code: 'T-OUT-1' })).toBeNull();
  });

  it('creating a grid in the own community is allowed and gets its scope, whatever scope the body claims', async () => {
    const res = await http()
      .post(`${CM}/${GRID}`)
      .set(bearer(c1))
      .send({
        name: '新网格',
        code: 'T-IN-1',
        level: 'base',
        branch: { connect: [{ documentId: w.c1.documentId }] },
        scopeCommunity: w.c2.documentId,
        scopeStreet: w.s2.documentId,
      });
    expect(res.status).toBe(201);
    const g = await row(GRID, { code: 'T-IN-1' });
    expect(g).toMatchObject({
      scopeCounty: w.county.documentId,
      scopeStreet: w.s1.documentId,
      scopeCommunity: w.c1.documentId,
    });
  });

  it('moving an own compound to another community’s grid is 403; the compound stays where it was', async () => {
    const k = w.c1.compounds[0];
    const res = await http()
      .put(`${CM}/${COMPOUND}/${k.documentId}`)
      .set(bearer(c1))
      .send({ grid: { connect: [{ documentId: w.c3.grids[0].documentId }] } });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/^grid: outside your organisation/);
    const after = await row(COMPOUND, { documentId: k.documentId }, { grid: { select: ['documentId'] } });
    expect(after?.grid.documentId).toBe(w.c1.grids[0].documentId);
    expect(after?.scopeCommunity).toBe(w.c1.documentId);
  });

  it('a new community branch hung under the street is outside a community’s scope (parent named)', async () => {
    const res = await http()
      .post(`${CM}/${BRANCH}`)
      .set(bearer(c1))
      .send({
        name: '自立社区',
        code: 'T-SELF',
        level: 'community_branch',
        parent: { connect: [{ documentId: w.s1.documentId }] },
      });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/^parent: outside your organisation/);
    expect(await row(BRANCH, { code: 'T-SELF' })).toBeNull();
  });

  it('a community cannot move itself to another street', async () => {
    const res = await http()
      .put(`${CM}/${BRANCH}/${w.c1.documentId}`)
      .set(bearer(c1))
      .send({ parent: { connect: [{ documentId: w.s2.documentId }] } });
    expect(res.status).toBe(403);
    expect((await row(BRANCH, { documentId: w.c1.documentId }))?.scopeStreet).toBe(w.s1.documentId);
  });

  it('a notice addressed beyond the community is 403 naming the audience; one to its own grid is fine', async () => {
    const out = await http()
      .post(`${CM}/${NOTICE}`)
      .set(bearer(c1))
      .send({
        title: '越界通知',
        category: 'notice',
        audienceGrids: {
          connect: [{ documentId: w.c1.grids[0].documentId }, { documentId: w.c2.grids[0].documentId }],
        },
      });
    expect(out.status).toBe(403);
    expect(out.body.error.message).toMatch(/^audience(Grids|Branches): outside your organisation/);
    expect(await row(NOTICE, { title: '越界通知' })).toBeNull();
    const ok = await http()
      .post(`${CM}/${NOTICE}`)
      .set(bearer(c1))
      .send({
        title: '本社区通知',
        category: 'notice',
        audienceGrids: { connect: [{ documentId: w.c1.grids[0].documentId }] },
      });
    expect(ok.status).toBe(201);
  });

  it('create-and-publish in one request (the edit view’s Publish on a new entry) is allowed in scope', async () => {
    const res = await http()
      .post(`${CM}/${NOTICE}/actions/publish`)
      .set(bearer(c1))
      .send({ title: '一步发布的通知', category: 'notice' });
    expect(res.status).toBe(200);
    const published = await row(NOTICE, { title: '一步发布的通知', publishedAt: { $notNull: true } });
    expect(published?.scopeCommunity).toBe(w.c1.documentId);
  });

  it('a notice to everyone written by community staff belongs to their community', async () => {
    const res = await http()
      .post(`${CM}/${NOTICE}`)
      .set(bearer(c1))
      .send({ title: '社区全体通知', category: 'notice' });
    expect(res.status).toBe(201);
    expect((await row(NOTICE, { documentId: res.body.data.documentId }))?.scopeCommunity).toBe(w.c1.documentId);
  });

  it('an administrator without an assignment cannot write governed rows', async () => {
    const res = await http()
      .post(`${CM}/${GRID}`)
      .set(bearer(nobody))
      .send({ name: 'x', code: 'T-NOBODY', level: 'base' });
    expect(res.status).toBe(403);
    expect(await row(GRID, { code: 'T-NOBODY' })).toBeNull();
  });
});

describe('relation pickers offer only in-scope targets', () => {
  it('the grid’s branch picker lists the own community and its groups only', async () => {
    const res = await http().get(`/content-manager/relations/${GRID}/branch?pageSize=100&page=1`).set(bearer(c1));
    expect(res.status).toBe(200);
    const offered = new Set(res.body.results.map((r: { documentId: string }) => r.documentId));
    expect(offered).toEqual(await inScope(BRANCH, 'scopeCommunity', w.c1));
    expect(offered.has(w.c2.documentId)).toBe(false);
    expect(offered.has(w.s1.documentId)).toBe(false);
  });

  it('the compound’s grid picker, searched, and a notice’s audience picker stay in scope', async () => {
    const grids = await http()
      .get(`/content-manager/relations/${COMPOUND}/grid?pageSize=100&page=1&_q=网格`)
      .set(bearer(c1));
    expect(grids.status).toBe(200);
    const offered = new Set(grids.body.results.map((r: { documentId: string }) => r.documentId));
    expect(offered).toEqual(await inScope(GRID, 'scopeCommunity', w.c1));
    for (const g of [...w.c2.grids, ...w.c3.grids]) expect(offered.has(g.documentId)).toBe(false);
    const audience = await http()
      .get(`/content-manager/relations/${NOTICE}/audienceBranches?pageSize=100&page=1`)
      .set(bearer(c1));
    const branches = new Set(audience.body.results.map((r: { documentId: string }) => r.documentId));
    expect(branches).toEqual(await inScope(BRANCH, 'scopeCommunity', w.c1));
  });

  it('the existing relations of an in-scope row show out-of-scope targets without their names', async () => {
    // A notice of the county names 甲 and 丙; street S1 may not read it at all.
    const res = await http()
      .get(`/content-manager/relations/${NOTICE}/${w.countyNotice.documentId}/audienceBranches`)
      .set(bearer(street));
    expect(res.status).toBe(403);
  });
});

describe('the tree moves, and its rows follow', () => {
  it('moving community 乙 from street S1 to S2 moves its grids, compounds, representative and notice', async () => {
    const res = await http()
      .put(`${CM}/${BRANCH}/${w.c2.documentId}`)
      .set(bearer(root))
      .send({ parent: { connect: [{ documentId: w.s2.documentId }] } });
    expect(res.status).toBe(200);
    for (const [uid, documentId] of [
      [BRANCH, w.c2.group.documentId],
      [GRID, w.c2.grids[0].documentId],
      [COMPOUND, w.c2.compounds[0].documentId],
      [REPRESENTATIVE, w.c2.representative.documentId],
      [NOTICE, w.c2.notice.documentId],
    ] as const) {
      expect(await row(uid, { documentId })).toMatchObject({
        scopeStreet: w.s2.documentId,
        scopeCommunity: w.c2.documentId,
      });
    }
    const s1 = ids(await list(street, GRID));
    for (const g of w.c2.grids) expect(s1.has(g.documentId)).toBe(false);
  });
});

describe('staff assignments (员工所属组织)', () => {
  it('are not for staff: community staff cannot list or create them', async () => {
    expect((await list(c1, ASSIGNMENT)).status).toBe(403);
    expect(
      (
        await http()
          .post(`${CM}/${ASSIGNMENT}`)
          .set(bearer(c1))
          .send({ adminEmail: 'x@test.local', branch: { connect: [{ documentId: w.c1.documentId }] } })
      ).status,
    ).toBe(403);
  });

  it('Super Admin assigns; the node must be a county, street or community (400 naming branch)', async () => {
    const bad = await http()
      .post(`${CM}/${ASSIGNMENT}`)
      .set(bearer(root))
      .send({ adminEmail: 'group@test.local', branch: { connect: [{ documentId: w.c1.group.documentId }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^branch: must be a county office, street office or community/);
    expect(await row(ASSIGNMENT, { adminEmail: 'group@test.local' })).toBeNull();
  });

  it('a new assignment takes effect on the next request', async () => {
    const admin = await staffAt('community-staff');
    expect((await list(admin.token, GRID)).status).toBe(403);
    const res = await http()
      .post(`${CM}/${ASSIGNMENT}`)
      .set(bearer(root))
      .send({ adminEmail: admin.email.toUpperCase(), branch: { connect: [{ documentId: w.c3.documentId }] } });
    expect(res.status).toBe(201);
    const grids = await list(admin.token, GRID);
    expect(grids.status).toBe(200);
    expect(ids(grids)).toEqual(new Set(w.c3.grids.map((g) => g.documentId)));
  });
});

describe('public routes do not change', () => {
  it('registries and notices answer without scope columns, also populated', async () => {
    const grids = await http().get('/api/grids?populate=branch&pagination[pageSize]=100');
    expect(grids.status).toBe(200);
    expect(grids.body.data.length).toBeGreaterThan(0);
    const text = JSON.stringify(grids.body);
    expect(text).not.toMatch(/scope(County|Street|Community)/);
    const notices = await http().get('/api/notices?populate=*');
    expect(JSON.stringify(notices.body)).not.toMatch(/scope(County|Street|Community)/);
  });
});
