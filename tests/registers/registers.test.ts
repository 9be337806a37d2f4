import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { buildWorld, staffAt, type World } from '../scoping/fixtures';
import { buildRegisters, CM, creditCode, idNumber, rawValues, RG, type Registers } from './fixtures';
import { maskIdNumber, maskPhone } from '../../src/plugins/registers/shared';

/**
 * The registers as staff meet them: the Content Manager and the list routes mask every personal
 * value, show care tags only to `care` holders, keep a stored value when a masked one comes back,
 * check identity numbers and credit codes, and the database refuses a second house at an address.
 */
let w: World;
let reg: Registers;
let root: string;
let c1: string; // community staff of 甲社区: read, reveal, care
let street: string; // street staff of S1: read, no care

beforeAll(async () => {
  await setupStrapi();
  w = await buildWorld();
  reg = await buildRegisters(w.c1);
  await buildRegisters(w.c3);
  root = (await createAdmin()).token;
  c1 = (await staffAt('community-staff', w.c1)).token;
  street = (await staffAt('street-staff', w.s1)).token;
  // booting and building the fixtures can take minutes on a loaded machine
}, 600000);
afterAll(teardownStrapi);

const cmOne = (token: string, uid: string, documentId: string) =>
  http().get(`${CM}/${uid}/${documentId}`).set(bearer(token));
const cmList = (token: string, uid: string) => http().get(`${CM}/${uid}?page=1&pageSize=100`).set(bearer(token));
const stored = (uid: string, documentId: string) =>
  strapi()
    .db.query(uid as any)
    .findOne({ where: { documentId } });
const householder = () => reg.residents[0];

describe('masking in the Content Manager', () => {
  it('shows identity numbers and phones masked in the edit view and the list', async () => {
    const one = await cmOne(c1, RG.resident, householder().documentId);
    expect(one.status).toBe(200);
    expect(one.body.data.idNumber).toBe(maskIdNumber(householder().idNumber));
    expect(one.body.data.phone).toBe(maskPhone(householder().phone));
    const list = await cmList(root, RG.resident);
    expect(list.status).toBe(200);
    expect(list.body.results.length).toBeGreaterThanOrEqual(10);
    const text = JSON.stringify(list.body);
    for (const raw of rawValues(reg)) expect(text).not.toContain(raw);
  });

  it('masks the phones of rentals, shops and firms too', async () => {
    for (const [uid, documentId, field, raw] of [
      [RG.rental, reg.rental.documentId, 'landlordPhone', reg.rental.landlordPhone],
      [RG.shop, reg.shop.documentId, 'operatorPhone', reg.shop.operatorPhone],
      [RG.firm, reg.firm.documentId, 'contactPhone', reg.firm.contactPhone],
    ] as const) {
      const res = await cmOne(c1, uid, documentId);
      expect([uid, res.status, res.body.data[field]]).toEqual([uid, 200, maskPhone(raw)]);
    }
  });

  it('saving the edit view with the masked value keeps the stored one; a new value is stored', async () => {
    const r = householder();
    const form = (await cmOne(c1, RG.resident, r.documentId)).body.data;
    const save = await http()
      .put(`${CM}/${RG.resident}/${r.documentId}`)
      .set(bearer(c1))
      .send({ name: '新名字', idNumber: form.idNumber, phone: form.phone, type: form.type });
    expect(save.status).toBe(200);
    expect(save.body.data.phone).toBe(maskPhone(r.phone));
    let row = await stored(RG.resident, r.documentId);
    expect([row.name, row.idNumber, row.phone]).toEqual(['新名字', r.idNumber, r.phone]);

    const changed = await http()
      .put(`${CM}/${RG.resident}/${r.documentId}`)
      .set(bearer(c1))
      .send({ phone: '13800009999' });
    expect(changed.status).toBe(200);
    row = await stored(RG.resident, r.documentId);
    expect(row.phone).toBe('13800009999');
    r.phone = '13800009999';
  });
});

describe('no guessing through filters, sort or search', () => {
  it('refuses a filter or sort on a personal value (400 naming it); search does not look into them', async () => {
    const r = householder();
    for (const query of [
      `filters[idNumber][$startsWith]=${r.idNumber.slice(0, 10)}`,
      `filters[$or][0][phone][$eq]=${r.phone}`,
      'sort=phone:ASC',
      'filters[careTags][$contains]=over_80',
    ]) {
      const res = await http().get(`${CM}/${RG.resident}?page=1&pageSize=10&${query}`).set(bearer(c1));
      expect([query, res.status]).toEqual([query, 400]);
    }
    const search = await http()
      .get(`${CM}/${RG.resident}?page=1&pageSize=10&_q=${r.idNumber.slice(6, 14)}`)
      .set(bearer(c1));
    expect(search.status).toBe(200);
    expect(search.body.results).toEqual([]);
    const byName = await http().get(`${CM}/${RG.resident}?page=1&pageSize=10&_q=居民2`).set(bearer(c1));
    expect(byName.body.results.length).toBeGreaterThan(0);
  });
});

describe('validation on write', () => {
  it('refuses an identity number whose check digit is wrong, naming the field, and writes nothing', async () => {
    const good = idNumber();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const before = await strapi().db.query(RG.resident).count();
    const res = await http()
      .post(`${CM}/${RG.resident}`)
      .set(bearer(c1))
      .send({ name: '错号居民', idNumber: bad, type: 'permanent', house: reg.houses[0].documentId });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^idNumber: .*GB 11643/);
    expect(await strapi().db.query(RG.resident).count()).toBe(before);
  });

  it('refuses a credit code with a wrong check character, naming the field', async () => {
    const code = creditCode();
    const bad = code.slice(0, 17) + (code[17] === 'A' ? 'B' : 'A');
    const res = await http().put(`${CM}/${RG.firm}/${reg.firm.documentId}`).set(bearer(c1)).send({ creditCode: bad });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^creditCode: /);
    expect((await stored(RG.firm, reg.firm.documentId)).creditCode).toBe(reg.firm.creditCode);
  });

  it('a second shop with the same credit code is refused by the unique index (409)', async () => {
    const res = await http()
      .post(`${CM}/${RG.shop}`)
      .set(bearer(c1))
      .send({ name: '重复商铺', creditCode: reg.shop.creditCode, grid: w.c1.grids[0].documentId });
    expect(res.status).toBe(409);
  });

  it('a second house at the same address (building, unit, room) is refused, even when written at once', async () => {
    const data = { building: reg.building.documentId, unit: 1, room: '101', use: 'vacant' };
    const res = await http().post(`${CM}/${RG.house}`).set(bearer(c1)).send(data);
    expect(res.status).toBe(409);
    const free = { ...data, room: '909' };
    const both = await Promise.all([1, 2].map(() => http().post(`${CM}/${RG.house}`).set(bearer(c1)).send(free)));
    expect(both.map((b) => b.status).sort()).toEqual([201, 409]);
    const rows = await strapi()
      .db.query(RG.house)
      .findMany({ where: { room: '909', building: { documentId: reg.building.documentId } } });
    expect(rows).toHaveLength(1);
  });
});

describe('care tags', () => {
  it('community staff (care) read them; street staff (no care) get none, in the CM and the lists', async () => {
    const r = householder();
    expect((await cmOne(c1, RG.resident, r.documentId)).body.data.careTags).toEqual(r.careTags);
    const streetOne = await cmOne(street, RG.resident, r.documentId);
    expect(streetOne.status).toBe(200);
    expect(streetOne.body.data).not.toHaveProperty('careTags');
    const mine = await http().get(`/registers/list/resident?pageSize=200`).set(bearer(c1));
    expect(mine.body.data.find((x: any) => x.documentId === r.documentId).careTags).toEqual(r.careTags);
    const theirs = await http().get(`/registers/list/resident?pageSize=200`).set(bearer(street));
    expect(theirs.status).toBe(200);
    expect(theirs.body.data.length).toBeGreaterThan(0);
    expect(theirs.body.data.every((x: any) => !('careTags' in x))).toBe(true);
  });

  it('unknown tags are refused naming careTags', async () => {
    const res = await http()
      .put(`${CM}/${RG.resident}/${householder().documentId}`)
      .set(bearer(c1))
      .send({ careTags: ['rich'] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^careTags: /);
  });
});

describe('list routes', () => {
  it('hold the caller’s organisation only, masked', async () => {
    const all = await strapi()
      .db.query(RG.resident)
      .count({ where: { scopeCommunity: w.c1.documentId } });
    const res = await http().get('/registers/list/resident?pageSize=200').set(bearer(c1));
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.total).toBe(all);
    const text = JSON.stringify(res.body);
    for (const raw of rawValues(reg)) expect(text).not.toContain(raw);
    expect(res.body.data[0].idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  });

  it('filter by grid, and refuse another organisation’s grid', async () => {
    const res = await http().get(`/registers/list/house?grid=${w.c1.grids[0].documentId}`).set(bearer(c1));
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.total).toBe(reg.houses.length + 1);
    const other = await http().get(`/registers/list/house?grid=${w.c3.grids[0].documentId}`).set(bearer(c1));
    expect(other.status).toBe(403);
    const bad = await http().get('/registers/list/nothing').set(bearer(c1));
    expect(bad.status).toBe(400);
  });

  it('no raw personal value in any registers answer', async () => {
    const texts: string[] = [];
    for (const type of ['building', 'house', 'resident', 'rental', 'shop', 'firm']) {
      const res = await http().get(`/registers/list/${type}?pageSize=200`).set(bearer(root));
      expect([type, res.status]).toEqual([type, 200]);
      texts.push(JSON.stringify(res.body));
    }
    texts.push(
      JSON.stringify((await http().get(`/registers/sheet/${w.c1.grids[0].documentId}`).set(bearer(root))).body),
    );
    texts.push(JSON.stringify((await http().get('/registers/sheet').set(bearer(root))).body));
    const all = texts.join('\n');
    for (const raw of rawValues(reg)) expect(all).not.toContain(raw);
  });

  it('nothing of the registers reaches the content API', async () => {
    for (const path of ['/api/registers/list/resident', '/api/residents', '/api/registers/residents']) {
      expect((await http().get(path)).status).toBe(404);
    }
  });
});
