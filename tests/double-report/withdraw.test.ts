import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer } from '../helpers/auth';
import { community, member, unit } from './fixtures';

const YEAR = new Date().getUTCFullYear();
let c: any;
let uA: any;
let uB: any;
let m1: any;
let m2: any;
let mB: any;

const reg = (documentId: string) =>
  strapi().db.query('plugin::double-report.registration').findOne({ where: { documentId } });
const summary = async () =>
  (await http().get(`/api/double-report/units/${uA.documentId}/summary?year=${YEAR}`).set(bearer(uA.jwt))).body.data;

beforeAll(async () => {
  await setupStrapi();
  c = await community();
  uA = await unit(c);
  uB = await unit(c);
  m1 = await member(uA, c);
  m2 = await member(uA, c);
  mB = await member(uB, c);
});
afterAll(teardownStrapi);

describe('withdrawing a registration', () => {
  it('a member withdraws its own registration: withdrawn with the date; the report-in rate counts only active ones', async () => {
    const r1 = await http()
      .post('/api/double-report/me/registrations')
      .set(bearer(m1.jwt))
      .send({ community: c.documentId });
    const r2 = await http()
      .post('/api/double-report/me/registrations')
      .set(bearer(m2.jwt))
      .send({ community: c.documentId });
    expect([r1.status, r2.status]).toEqual([201, 201]);
    // Hand count: 2 of 2 members reported → 1; after m1 withdraws, 1 of 2 → 0.5.
    expect((await summary()).reportedMembers).toBe(2);
    expect((await summary()).reportInRate).toBe(1);

    const res = await http()
      .post(`/api/double-report/me/registrations/${r1.body.data.documentId}/withdraw`)
      .set(bearer(m1.jwt));
    expect(res.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(res.body.data).toEqual({
      documentId: r1.body.data.documentId,
      kind: 'member',
      community: c.documentId,
      reportedOn: r1.body.data.reportedOn,
      status: 'withdrawn',
      withdrawnOn: today,
    });
    const row: any = await reg(r1.body.data.documentId);
    expect(row.status).toBe('withdrawn');
    expect(row.withdrawnOn).toBe(today);
    const s = await summary();
    expect(s.reportedMembers).toBe(1);
    expect(s.reportInRate).toBe(0.5);

    // Twice → 409, nothing changes.
    const again = await http()
      .post(`/api/double-report/me/registrations/${r1.body.data.documentId}/withdraw`)
      .set(bearer(m1.jwt));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/^status: .*withdrawn/);
    // Withdrawn, the member may report in again; the history row stays.
    expect(
      (await http().post('/api/double-report/me/registrations').set(bearer(m1.jwt)).send({ community: c.documentId }))
        .status,
    ).toBe(201);
    expect(
      await strapi()
        .db.query('plugin::double-report.registration')
        .count({ where: { member: { id: m1.id } } }),
    ).toBe(2);
    expect((await summary()).reportInRate).toBe(1);
  });

  it("another member's registration is a 404 and stays active; a unit cannot use the member route", async () => {
    const r = await http()
      .post('/api/double-report/me/registrations')
      .set(bearer(mB.jwt))
      .send({ community: c.documentId });
    expect(r.status).toBe(201);
    const foreign = await http()
      .post(`/api/double-report/me/registrations/${r.body.data.documentId}/withdraw`)
      .set(bearer(m2.jwt));
    expect(foreign.status).toBe(404);
    expect(
      (await http().post(`/api/double-report/me/registrations/${r.body.data.documentId}/withdraw`).set(bearer(uB.jwt)))
        .status,
    ).toBe(403);
    expect((await http().post(`/api/double-report/me/registrations/${r.body.data.documentId}/withdraw`)).status).toBe(
      403,
    );
    expect(((await reg(r.body.data.documentId)) as any).status).toBe('pending');
  });

  it('a unit withdraws its own registration; another unit gets 404 and nothing changes; a member cannot', async () => {
    const ra = await http()
      .post('/api/double-report/unit-registrations')
      .set(bearer(uA.jwt))
      .send({ community: c.documentId });
    const rb = await http()
      .post('/api/double-report/unit-registrations')
      .set(bearer(uB.jwt))
      .send({ community: c.documentId });
    expect([ra.status, rb.status]).toEqual([201, 201]);
    expect(
      (
        await http()
          .post(`/api/double-report/unit-registrations/${rb.body.data.documentId}/withdraw`)
          .set(bearer(uA.jwt))
      ).status,
    ).toBe(404);
    expect(
      (
        await http()
          .post(`/api/double-report/unit-registrations/${rb.body.data.documentId}/withdraw`)
          .set(bearer(mB.jwt))
      ).status,
    ).toBe(403);
    expect(((await reg(rb.body.data.documentId)) as any).status).toBe('pending');
    // A member's registration cannot be withdrawn through the unit route either (kind is part of ownership).
    const mine = await strapi()
      .db.query('plugin::double-report.registration')
      .findOne({ where: { member: { id: m2.id } } });
    expect(
      (
        await http()
          .post(`/api/double-report/unit-registrations/${(mine as any).documentId}/withdraw`)
          .set(bearer(uA.jwt))
      ).status,
    ).toBe(404);

    const res = await http()
      .post(`/api/double-report/unit-registrations/${ra.body.data.documentId}/withdraw`)
      .set(bearer(uA.jwt));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ kind: 'unit', status: 'withdrawn' });
    expect(((await reg(ra.body.data.documentId)) as any).status).toBe('withdrawn');
    expect(((await reg(rb.body.data.documentId)) as any).status).toBe('pending');
  });

  it('each lists its own registrations only, withdrawn ones with their date', async () => {
    const mineM1 = await http().get('/api/double-report/me/registrations').set(bearer(m1.jwt));
    expect(mineM1.status).toBe(200);
    // m1: one withdrawn, then reported again (newest first).
    expect(mineM1.body.data.map((r: any) => r.status)).toEqual(['pending', 'withdrawn']);
    expect(mineM1.body.data[1].withdrawnOn).toBe(new Date().toISOString().slice(0, 10));
    expect(mineM1.body.data[0]).toMatchObject({
      kind: 'member',
      community: c.documentId,
      communityName: c.name,
      withdrawnOn: null,
    });
    const mineB = await http().get('/api/double-report/me/registrations').set(bearer(mB.jwt));
    expect(mineB.body.data).toHaveLength(1);
    expect(JSON.stringify(mineB.body)).not.toContain(mineM1.body.data[0].documentId);
    const unitA = await http().get('/api/double-report/unit-registrations').set(bearer(uA.jwt));
    expect(unitA.status).toBe(200);
    expect(unitA.body.data.map((r: any) => [r.kind, r.status])).toEqual([['unit', 'withdrawn']]);
    expect((await http().get('/api/double-report/unit-registrations').set(bearer(m1.jwt))).status).toBe(403);
    expect((await http().get('/api/double-report/me/registrations').set(bearer(uA.jwt))).status).toBe(403);
    expect((await http().get('/api/double-report/me/registrations')).status).toBe(403);
  });

  it('a malformed documentId is a 400 naming it', async () => {
    const res = await http().post('/api/double-report/me/registrations/bad%20id!/withdraw').set(bearer(m1.jwt));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^documentId:/);
  });
});
