import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer } from '../helpers/auth';
import { buildWorld, staffAt, type World } from '../scoping/fixtures';
import { buildRegisters, RG, type Registers } from './fixtures';

/**
 * 一表: the grid sheet's counts are those of the rows the fixtures wrote (and of the database after a
 * change), heads' phones are masked, the summary has one row per top grid of the caller's area.
 */
let w: World;
let reg: Registers;
let c1: string;
let street: string;
let unitBranch: { documentId: string };

beforeAll(async () => {
  await setupStrapi();
  w = await buildWorld();
  unitBranch = await strapi()
    .documents('api::branch.branch' as any)
    .create({
      data: {
        name: '测试企业党支部',
        code: `TU-${Date.now()}`,
        level: 'unit_branch',
        category: 'urban',
        parent: w.c1.documentId,
      } as any,
    });
  reg = await buildRegisters(w.c1, unitBranch);
  await buildRegisters(w.c3);
  await strapi()
    .documents('api::grid.grid' as any)
    .update({
      documentId: w.c1.grids[0].documentId,
      data: {
        heads: [
          { role: 'grid_head', name: '网格长甲', phone: '13800002222' },
          { role: 'building_head', name: '楼长乙', phone: '13800003333', building: '1号楼' },
        ],
      } as any,
    });
  c1 = (await staffAt('community-staff', w.c1)).token;
  street = (await staffAt('street-staff', w.s1)).token;
  // booting and building the fixtures can take minutes on a loaded machine
}, 600000);
afterAll(teardownStrapi);

const sheet = (token: string, grid: string) => http().get(`/registers/sheet/${grid}`).set(bearer(token));

describe('the grid sheet', () => {
  it('counts what the grid holds', async () => {
    const res = await sheet(c1, w.c1.grids[0].documentId);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      documentId: w.c1.grids[0].documentId,
      compounds: 1,
      buildings: 1,
      houses: 4,
      ownerOccupied: 1,
      rented: 1,
      vacant: 1,
      shopHouses: 1,
      residents: 5,
      permanent: 2,
      temporary: 1,
      lodging: 1,
      registeredElsewhere: 1,
      partyMembers: 2,
      rentals: 1, // the past letting is not current
      shops: 1,
      firms: 1,
      // the community branch of the grid, the compound's party group, the firm's branch
      partyOrganisations: 3,
      compoundNames: [w.c1.compounds[0].name],
    });
    expect(res.body.data.heads).toEqual([
      { role: 'grid_head', name: '网格长甲', phone: '138****2222', building: null, unit: null },
      { role: 'building_head', name: '楼长乙', phone: '138****3333', building: '1号楼', unit: null },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/13800002222|13800003333/);
  });

  it('follows the database: a new resident and a house turned vacant', async () => {
    await strapi()
      .documents(RG.resident as any)
      .create({
        data: { name: '新居民', type: 'temporary', partyMember: true, house: reg.houses[0].documentId } as any,
      });
    await strapi()
      .documents(RG.house as any)
      .update({ documentId: reg.houses[0].documentId, data: { use: 'vacant' } as any });
    const res = await sheet(c1, w.c1.grids[0].documentId);
    expect(res.body.data).toMatchObject({ residents: 6, temporary: 2, partyMembers: 3, ownerOccupied: 0, vacant: 2 });
  });

  it('an empty grid answers zeros', async () => {
    const res = await sheet(c1, w.c1.grids[1].documentId);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ compounds: 1, buildings: 0, houses: 0, residents: 0, shops: 0, firms: 0 });
  });

  it('refuses a grid outside the caller’s organisation (403) and an unknown one (404)', async () => {
    expect((await sheet(c1, w.c3.grids[0].documentId)).status).toBe(403);
    expect((await sheet(c1, 'nosuchgrid')).status).toBe(404);
    expect((await sheet(street, w.c1.grids[0].documentId)).status).toBe(200);
  });
});

describe('the summary', () => {
  it('has one row per grid of the caller’s area with the same counts as each sheet', async () => {
    const res = await http().get('/registers/sheet').set(bearer(street));
    expect(res.status).toBe(200);
    const codes = res.body.data.map((r: { code: string }) => r.code).sort();
    expect(codes).toEqual([...w.c1.grids, ...w.c2.grids].map((g) => g.code).sort());
    const row = res.body.data.find((r: { documentId: string }) => r.documentId === w.c1.grids[0].documentId);
    const one = (await sheet(street, w.c1.grids[0].documentId)).body.data;
    for (const key of ['buildings', 'houses', 'residents', 'rentals', 'shops', 'firms', 'partyOrganisations']) {
      expect([key, row[key]]).toEqual([key, one[key]]);
    }
  });

  it('narrows to a community, and exports as XLSX', async () => {
    const res = await http().get(`/registers/sheet?branch=${w.c2.documentId}`).set(bearer(street));
    expect(res.body.data.map((r: { code: string }) => r.code).sort()).toEqual(w.c2.grids.map((g) => g.code).sort());
    const file = await http()
      .get('/registers/sheet?format=xlsx')
      .set(bearer(c1))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/spreadsheetml/);
    expect((file.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });
});
