import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { CM, buildWorld, staffAt, worldStaff, type World } from '../scoping/fixtures';
import { ID_NUMBERS, PHONE, expected, placeCase, placeRegisters, square } from './map-fixtures';

const MAP = '/registers/map';

let w: World;
let staff: { c1: string; street: string; county: string };
let admin: string;

const field = (res: any) => res.body?.error?.details?.errors?.[0]?.path?.join('.');
const q = (uid: string) => strapi().db.query(uid as any) as any;
const get = (token: string, query = '') => http().get(`${MAP}${query}`).set(bearer(token));
const ids = (fc: any) => new Set<string>(fc.features.map((f: any) => String(f.id)));

beforeAll(async () => {
  await setupStrapi();
  w = await buildWorld();
  staff = await worldStaff(w);
  admin = (await createAdmin()).token;
  await placeRegisters(w.c1, 114.18, 34.4);
  await placeRegisters(w.c3, 114.2, 34.42);
  await placeCase(w.c1.grids[0], 'reported', 114.1805, 34.4005);
  await placeCase(w.c1.grids[1], 'handling', 114.1825, 34.4005);
  await placeCase(w.c1.grids[1], 'archived', 114.1826, 34.4006);
  await placeCase(w.c1.grids[1], 'reported', null, null);
  await placeCase(w.c3.grids[0], 'reported', 114.2005, 34.4205);
});
afterAll(teardownStrapi);

describe('GET /registers/map: the 三图 layers', () => {
  it('draws exactly what the database holds in the community, and nothing of another', async () => {
    const res = await get(staff.c1);
    expect(res.status).toBe(200);
    const { layers, crs, within } = res.body.data;
    expect(crs).toBe('WGS-84');
    expect(within).toBeNull();
    const db = await expected(w.c1);

    expect(ids(layers.grids)).toEqual(db.grids);
    expect(db.grids.size).toBe(2);
    for (const f of layers.grids.features) {
      expect(f.geometry.type).toBe('Polygon');
      expect(Object.keys(f.properties.heads).sort()).toEqual(
        ['building_head', 'grid_head', 'party_group_head', 'street_head', 'unit_head'].sort(),
      );
    }

    expect(ids(layers.houses)).toEqual(db.houseFeatures);
    expect(layers.houses.features.reduce((n: number, f: any) => n + f.properties.houses, 0)).toBe(db.houses);
    expect(db.houses).toBe(10); // the building without a position is left off
    expect(new Set(layers.houses.features.map((f: any) => f.properties.use))).toEqual(
      new Set(['owner_occupied', 'rented', 'vacant', 'shop']),
    );

    const kinds = (k: string) => layers.branches.features.filter((f: any) => f.properties.kind === k);
    expect(kinds('community_branch').map((f: any) => f.id)).toEqual([w.c1.documentId]);
    expect(kinds('service_centre')).toHaveLength(1);
    expect(kinds('compound_group').map((f: any) => f.id)).toEqual([w.c1.group.documentId]);
    expect(kinds('member_household')).toHaveLength(db.memberHouseholds);
    expect(db.memberHouseholds).toBe(6);
    // the community's branch sits inside its grids, the compound group at its buildings
    const [lng, lat] = kinds('community_branch')[0].geometry.coordinates;
    expect(lng).toBeCloseTo(114.182, 6);
    expect(lat).toBeCloseTo(34.401, 6);
    expect(kinds('compound_group')[0].geometry.coordinates).toEqual([114.1815, 34.401]);

    expect(ids(layers.cases)).toEqual(db.cases);
    expect(db.cases.size).toBe(2);

    const other = await expected(w.c3);
    const everything = JSON.stringify(layers);
    for (const id of [...other.grids, ...other.cases, w.c3.documentId, w.c3.group.documentId])
      expect(everything).not.toContain(id);
  });

  it('never answers personal values: no phones, identity numbers or care tags', async () => {
    const res = await get(staff.county);
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(PHONE);
    expect(ID_NUMBERS.length).toBeGreaterThan(0);
    for (const id of ID_NUMBERS) expect(text).not.toContain(id);
    expect(text).not.toMatch(/phone|idNumber|careTags|over_80|住户/i);
    // the heads' names are there, their phones are not (the seed of the world gave none: add one)
    const grid = w.c1.grids[0];
    await strapi()
      .documents('api::grid.grid' as any)
      .update({
        documentId: grid.documentId,
        data: { heads: [{ role: 'grid_head', name: '张网格', phone: '13900001111' }] },
      } as any);
    const again = await get(staff.c1, `?layers=grids&within=${grid.documentId}`);
    expect(again.body.data.layers.grids.features[0].properties.heads.grid_head).toEqual(['张网格']);
    expect(JSON.stringify(again.body)).not.toContain('13900001111');
  });

  it('narrows to a community, a street or a grid, and only inside the caller’s organisation', async () => {
    const c1 = await expected(w.c1);
    const c3 = await expected(w.c3);
    const street = await get(staff.street, `?within=${w.c1.documentId}`);
    expect(street.status).toBe(200);
    expect(street.body.data.within).toEqual({
      documentId: w.c1.documentId,
      kind: 'community_branch',
      name: w.c1.name,
    });
    expect(ids(street.body.data.layers.grids)).toEqual(c1.grids);
    expect(ids(street.body.data.layers.cases)).toEqual(c1.cases);

    const county = await get(staff.county, '?layers=grids,cases');
    expect(Object.keys(county.body.data.layers).sort()).toEqual(['cases', 'grids']);
    for (const id of [...c1.grids, ...c3.grids]) expect(ids(county.body.data.layers.grids)).toContain(id);
    for (const id of [...c1.cases, ...c3.cases]) expect(ids(county.body.data.layers.cases)).toContain(id);

    const s2 = await get(staff.county, `?layers=grids&within=${w.s2.documentId}`);
    expect(ids(s2.body.data.layers.grids)).toEqual(c3.grids);

    const grid = w.c1.grids[1];
    const one = await get(staff.c1, `?within=${grid.documentId}`);
    expect(one.status).toBe(200);
    expect(ids(one.body.data.layers.grids)).toEqual(new Set([grid.documentId]));
    expect(one.body.data.layers.cases.features.map((f: any) => f.properties.status)).toEqual(['handling']);
    // compound 2 (grid 2) holds one located building: five houses in four uses
    expect(one.body.data.layers.houses.features).toHaveLength(4);

    const elsewhere = await get(staff.c1, `?within=${w.c3.documentId}`);
    expect([elsewhere.status, field(elsewhere)]).toEqual([403, 'within']);
    const up = await get(staff.c1, `?within=${w.s1.documentId}`);
    expect([up.status, field(up)]).toEqual([403, 'within']);
    const foreignGrid = await get(staff.street, `?within=${w.c3.grids[0].documentId}`);
    expect([foreignGrid.status, field(foreignGrid)]).toEqual([403, 'within']);
  });

  it('refuses bad layers and within (400 naming them), strangers and the unassigned', async () => {
    for (const query of ['?layers=grids,roads', '?layers=', '?layers=,']) {
      const res = await get(staff.c1, query);
      expect([query, res.status, field(res)]).toEqual([query, 400, 'layers']);
    }
    for (const query of ['?within=nope0000000000000000000', `?within=${w.c1.group.documentId}`, '?within=a%20b']) {
      const res = await get(staff.county, query);
      expect([query, res.status, field(res)]).toEqual([query, 400, 'within']);
    }
    expect((await get(staff.c1, '?zoom=3')).status).toBe(400);
    expect((await http().get(MAP)).status).toBe(401);
    const unassigned = await staffAt('community-staff');
    expect((await get(unassigned.token)).status).toBe(403);
  });
});

describe('GET /registers/map/areas and the MapLibre worker', () => {
  it('offers the nodes and grids inside the caller’s organisation to pick from', async () => {
    const mine = await http().get(`${MAP}/areas`).set(bearer(staff.c1));
    expect(mine.status).toBe(200);
    const byId = new Map<string, any>(mine.body.data.map((a: any) => [a.documentId, a]));
    expect(byId.get(w.c1.documentId)).toEqual({
      documentId: w.c1.documentId,
      kind: 'community_branch',
      name: w.c1.name,
      parent: w.s1.documentId,
    });
    for (const g of w.c1.grids) expect(byId.get(g.documentId)).toMatchObject({ kind: 'grid', parent: w.c1.documentId });
    expect(mine.body.data).toHaveLength(3);
    const street = await http().get(`${MAP}/areas`).set(bearer(staff.street));
    const kinds = street.body.data.map((a: any) => a.kind);
    expect(kinds.filter((k: string) => k === 'street_committee')).toHaveLength(1);
    expect(kinds.filter((k: string) => k === 'community_branch')).toHaveLength(2);
    expect(JSON.stringify(street.body)).not.toContain(w.c3.documentId);
    expect((await http().get(`${MAP}/areas`)).status).toBe(401);
  });

  it('serves MapLibre’s worker script from this server, to anyone (it is the library, no data)', async () => {
    const res = await http()
      .get(`${MAP}/worker.mjs`)
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.on('data', (chunk: Buffer) => (text += chunk.toString()));
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.body).toContain('MapLibre GL JS');
    expect(res.body).toContain('v6.20.0');
  });
});

describe('网格边界: the boundary field refuses what is not an RFC 7946 polygon in WGS-84', () => {
  const put = (documentId: string, boundary: unknown, token = admin) =>
    http().put(`${CM}/api::grid.grid/${documentId}`).set(bearer(token)).send({ boundary });
  const stored = async (documentId: string) =>
    (await q('api::grid.grid').findOne({ where: { documentId }, select: ['boundary'] }))?.boundary;

  it('stores a valid polygon drawn by staff and clears it again', async () => {
    const grid = w.c2.grids[0];
    const boundary = square(114.19, 34.41);
    const ok = await put(grid.documentId, boundary);
    expect(ok.status).toBe(200);
    const read = await stored(grid.documentId);
    expect(typeof read === 'string' ? JSON.parse(read) : read).toEqual(boundary);
    const c2 = (await staffAt('community-staff', w.c2)).token;
    const staffOk = await put(grid.documentId, square(114.191, 34.411), c2);
    expect(staffOk.status).toBe(200);
    const cleared = await put(grid.documentId, null);
    expect(cleared.status).toBe(200);
    expect(await stored(grid.documentId)).toBeNull();
  });

  it('refuses an open ring, swapped or projected coordinates, too many vertices, other geometries', async () => {
    const grid = w.c2.grids[1];
    const good = square(114.19, 34.41);
    expect((await put(grid.documentId, good)).status).toBe(200);
    const open = { type: 'Polygon', coordinates: [good.coordinates[0].slice(0, 4)] };
    const swapped = {
      type: 'Polygon',
      coordinates: [good.coordinates[0].map(([x, y]) => [y, x])],
    };
    const metres = {
      type: 'Polygon',
      coordinates: [
        [
          [3800000, 12700000],
          [3800100, 12700000],
          [3800100, 12700100],
          [3800000, 12700000],
        ],
      ],
    };
    const many = Array.from({ length: 2001 }, (_, i) => [114.19 + Math.cos(i) * 0.001, 34.41 + Math.sin(i) * 0.001]);
    const tooMany = { type: 'Polygon', coordinates: [[...many, many[0]]] };
    const point = { type: 'Point', coordinates: [114.19, 34.41] };
    const triangleTooShort = {
      type: 'Polygon',
      coordinates: [
        [
          [114.19, 34.41],
          [114.2, 34.41],
          [114.19, 34.41],
        ],
      ],
    };
    const cases: Array<[string, unknown, RegExp]> = [
      ['open', open, /closed/],
      ['swapped', swapped, /longitude/],
      ['metres', metres, /longitude/],
      ['too many', tooMany, /at most 2000 vertices/],
      ['point', point, /Polygon or MultiPolygon/],
      ['short', triangleTooShort, /at least three corners/],
      ['text', 'POLYGON((114 34, 115 34, 115 35, 114 34))', /Polygon or MultiPolygon/],
    ];
    for (const [name, boundary, rule] of cases) {
      const res = await put(grid.documentId, boundary);
      expect([name, res.status, field(res)]).toEqual([name, 400, 'boundary']);
      expect(res.body.error.message).toMatch(rule);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const read = await stored(grid.documentId);
    expect(typeof read === 'string' ? JSON.parse(read) : read).toEqual(good);
  });
});
