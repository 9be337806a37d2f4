import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer } from '../helpers/auth';
import { staffAt } from '../scoping/fixtures';
import { seedDemo } from '../helpers/seed';
import { isValidCreditCode, isValidIdentityNumber } from '../../src/plugins/registers/shared';
import { RG } from './fixtures';

/** The registers of the Weishi demo: a few hundred houses in the demo compounds, valid numbers, scoped, sheet-ready. */
const count = (uid: string, where: Record<string, unknown> = {}) =>
  strapi()
    .db.query(uid as any)
    .count({ where });
let community: string;

beforeAll(async () => {
  await setupStrapi({}, { demo: true });
  const c1 = await strapi()
    .db.query('api::branch.branch')
    .findOne({ where: { code: 'LH-C1' } });
  community = (await staffAt('community-staff', c1)).token;
}, 600000);
afterAll(teardownStrapi);

describe('registers demo', () => {
  it('has a few hundred houses with residents, rentals, shops and firms, every row scoped', async () => {
    const houses = await count(RG.house);
    expect(houses).toBeGreaterThanOrEqual(300);
    expect(houses).toBeLessThanOrEqual(1000);
    expect(await count(RG.resident)).toBeGreaterThan(houses);
    expect(await count(RG.rental)).toBeGreaterThan(50);
    expect(await count(RG.shop)).toBeGreaterThan(10);
    expect(await count(RG.firm)).toBeGreaterThan(5);
    for (const uid of [RG.building, RG.house, RG.resident, RG.rental, RG.shop, RG.firm]) {
      expect([uid, await count(uid, { scopeStreet: { $null: true } })]).toEqual([uid, 0]);
    }
  });

  it('holds valid identity numbers and credit codes, phones 1380000xxxx, coordinates near Weishi', async () => {
    const residents = await strapi()
      .db.query(RG.resident)
      .findMany({ select: ['idNumber', 'phone'] });
    expect(residents.every((r: any) => isValidIdentityNumber(r.idNumber))).toBe(true);
    expect(residents.every((r: any) => r.phone === null || /^1380000\d{4}$/.test(r.phone))).toBe(true);
    const codes = [
      ...(await strapi()
        .db.query(RG.shop)
        .findMany({ select: ['creditCode', 'lat', 'lng'] })),
      ...(await strapi()
        .db.query(RG.firm)
        .findMany({ select: ['creditCode', 'lat', 'lng'] })),
    ];
    expect(codes.every((c: any) => isValidCreditCode(c.creditCode))).toBe(true);
    expect(codes.every((c: any) => Math.abs(c.lat - 34.41) < 0.1 && Math.abs(c.lng - 114.19) < 0.2)).toBe(true);
  });

  it('a second run creates nothing', async () => {
    const before = await count(RG.resident);
    await seedDemo();
    expect(await count(RG.resident)).toBe(before);
  });

  it('the summary of 大西门社区 counts its demo registers, masked', async () => {
    const res = await http().get('/registers/sheet').set(bearer(community));
    expect(res.status).toBe(200);
    const residents = res.body.data.reduce((n: number, r: { residents: number }) => n + r.residents, 0);
    const c1 = await strapi()
      .db.query('api::branch.branch')
      .findOne({ where: { code: 'LH-C1' } });
    expect(residents).toBe(await count(RG.resident, { scopeCommunity: c1.documentId }));
    expect(residents).toBeGreaterThan(0);
  });
});
