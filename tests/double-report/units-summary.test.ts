import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { activity, community, finished, member, unit } from './fixtures';

const YEAR = 2025;
let c: any;
let c2: any;
let uA: any;
let uB: any;
let mA1: any;
let mA2: any;
let mB: any;
let admin: string;

const decide = (id: string, body: object) =>
  http().post(`/double-report/check-ins/${id}/decision`).set(bearer(admin)).send(body);

beforeAll(async () => {
  await setupStrapi();
  c = await community('测试一社区');
  c2 = await community('测试二社区');
  uA = await unit(c, '甲单位');
  uB = await unit(c2, '乙单位');
  mA1 = await member(uA, c, '甲一');
  mA2 = await member(uA, c, '甲二');
  mB = await member(uB, c2, '乙一');
  admin = (await createAdmin('strapi-super-admin')).token;
});
afterAll(teardownStrapi);

describe('ownership (party-unit)', () => {
  it('a unit lists and adds its own members; another unit gets 404 and nothing changes', async () => {
    const own = await http().get(`/api/double-report/units/${uA.documentId}/members`).set(bearer(uA.jwt));
    expect(own.status).toBe(200);
    expect(own.body.data.map((m: any) => m.name).sort()).toEqual(['甲一', '甲二']);
    expect(JSON.stringify(own.body)).not.toMatch(/1380000|phone/);
    expect((await http().get(`/api/double-report/units/${uA.documentId}/members`).set(bearer(uB.jwt))).status).toBe(
      404,
    );
    const before = await strapi().db.query('plugin::double-report.member').count();
    const foreign = await http()
      .post(`/api/double-report/units/${uA.documentId}/members`)
      .set(bearer(uB.jwt))
      .send({ name: '闯入者', community: c.documentId });
    expect(foreign.status).toBe(404);
    expect(await strapi().db.query('plugin::double-report.member').count()).toBe(before);
    const added = await http()
      .post(`/api/double-report/units/${uA.documentId}/members`)
      .set(bearer(uA.jwt))
      .send({ name: '甲三', community: c.documentId, phone: '13700000000' });
    expect(added.status).toBe(201);
    expect(added.body.data.phone).toBeUndefined();
  });

  it('bad member input is a 400 naming the field, nothing written', async () => {
    const before = await strapi().db.query('plugin::double-report.member').count();
    const res = await http()
      .post(`/api/double-report/units/${uA.documentId}/members`)
      .set(bearer(uA.jwt))
      .send({ name: '', community: c.documentId });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^name:/);
    const notCommunity = await http()
      .post(`/api/double-report/units/${uA.documentId}/members`)
      .set(bearer(uA.jwt))
      .send({ name: '某某', community: uA.documentId });
    expect(notCommunity.status).toBe(400);
    expect(notCommunity.body.error.message).toMatch(/^community:/);
    expect(await strapi().db.query('plugin::double-report.member').count()).toBe(before);
  });

  it("a unit cannot read another unit's member records or summary; members cannot call unit routes", async () => {
    expect(
      (
        await http()
          .get(`/api/double-report/units/${uB.documentId}/members/${mB.documentId}/check-ins`)
          .set(bearer(uA.jwt))
      ).status,
    ).toBe(404);
    expect(
      (
        await http()
          .get(`/api/double-report/units/${uA.documentId}/members/${mB.documentId}/check-ins`)
          .set(bearer(uA.jwt))
      ).status,
    ).toBe(404);
    expect(
      (await http().get(`/api/double-report/units/${uB.documentId}/summary?year=${YEAR}`).set(bearer(uA.jwt))).status,
    ).toBe(404);
    expect(
      (await http().get(`/api/double-report/units/${uA.documentId}/summary?year=${YEAR}`).set(bearer(mA1.jwt))).status,
    ).toBe(403);
    expect((await http().get(`/api/double-report/units/${uA.documentId}/summary?year=${YEAR}`)).status).toBe(403);
  });

  it('units report in once per community; members report in to where they live', async () => {
    const first = await http()
      .post('/api/double-report/unit-registrations')
      .set(bearer(uA.jwt))
      .send({ community: c.documentId });
    expect(first.status).toBe(201);
    expect(
      (await http().post('/api/double-report/unit-registrations').set(bearer(uA.jwt)).send({ community: c.documentId }))
        .status,
    ).toBe(409);
    const me = await http()
      .post('/api/double-report/me/registrations')
      .set(bearer(mA1.jwt))
      .send({ community: c.documentId });
    expect(me.status).toBe(201);
    expect(me.body.data.kind).toBe('member');
  });
});

describe('verification, ratings and the points ledger', () => {
  it('staff verify with a rating; points are ledger rows per the rules; a decided check-in cannot be decided again', async () => {
    const a = await activity(c, {
      kind: 'home_visit',
      startsAt: `${YEAR}-05-01T01:00:00.000Z`,
      endsAt: `${YEAR}-05-01T04:00:00.000Z`,
    });
    const ci = await finished(mA1, a, 90);
    const queue = await http().get('/double-report/check-ins/queue').set(bearer(admin));
    expect(queue.status).toBe(200);
    expect(queue.body.data.map((r: any) => r.documentId)).toContain(ci.documentId);
    const res = await decide(ci.documentId, { status: 'verified', rating: 4, comment: '认真负责' });
    expect(res.status).toBe(200);
    // Default rules: 1 point per verified hour, 0.5 per rating star → 1.5 + 2.
    const rows: any[] = await strapi()
      .db.query('plugin::double-report.points-entry')
      .findMany({ where: { memberRef: mA1.id } });
    expect(rows.map((r) => [r.source, Number(r.points)]).sort()).toEqual([
      ['rating', 2],
      ['verified_hours', 1.5],
    ]);
    expect((await decide(ci.documentId, { status: 'rejected' })).status).toBe(409);
    expect(
      await strapi()
        .db.query('plugin::double-report.points-entry')
        .count({ where: { memberRef: mA1.id } }),
    ).toBe(2);
  });

  it('a rejected check-in earns nothing; a bad rating is a 400 and changes nothing', async () => {
    const a = await activity(c, { startsAt: `${YEAR}-06-01T01:00:00.000Z`, endsAt: `${YEAR}-06-01T04:00:00.000Z` });
    const ci = await finished(mA2, a, 60);
    const bad = await decide(ci.documentId, { status: 'verified', rating: 9 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^rating:/);
    const row: any = await strapi()
      .db.query('plugin::double-report.check-in')
      .findOne({ where: { documentId: ci.documentId } });
    expect(row.status).toBe('pending');
    expect((await decide(ci.documentId, { status: 'rejected' })).status).toBe(200);
    expect(
      await strapi()
        .db.query('plugin::double-report.points-entry')
        .count({ where: { memberRef: mA2.id } }),
    ).toBe(0);
  });

  it('a party-member or party-unit JWT cannot reach the admin verification route', async () => {
    const a = await activity(c);
    const ci = await finished(mA2, a, 30);
    expect(
      (
        await http()
          .post(`/double-report/check-ins/${ci.documentId}/decision`)
          .set(bearer(mA2.jwt))
          .send({ status: 'verified' })
      ).status,
    ).toBe(401);
  });
});

describe('yearly figures against hand-counted fixtures', () => {
  beforeAll(async () => {
    // mA1: already 90 min verified (rating 4). Add 150 min verified (rating 5) and 45 min pending.
    const a1 = await activity(c, {
      kind: 'policy_talk',
      startsAt: `${YEAR}-07-01T01:00:00.000Z`,
      endsAt: `${YEAR}-07-01T05:00:00.000Z`,
    });
    const a2 = await activity(c, {
      kind: 'policy_talk',
      startsAt: `${YEAR}-08-01T01:00:00.000Z`,
      endsAt: `${YEAR}-08-01T05:00:00.000Z`,
    });
    const v = await finished(mA1, a1, 150);
    expect((await decide(v.documentId, { status: 'verified', rating: 5 })).status).toBe(200);
    await finished(mA1, a2, 45);
    // mB (other unit): 600 minutes verified, must not leak into unit A.
    const b = await activity(c2, { startsAt: `${YEAR}-07-01T01:00:00.000Z`, endsAt: `${YEAR}-07-01T12:00:00.000Z` });
    const vb = await finished(mB, b, 600);
    expect((await decide(vb.documentId, { status: 'verified' })).status).toBe(200);
  });

  it('me/summary: sessions, verified and pending hours, average rating, ledger points', async () => {
    const res = await http().get(`/api/double-report/me/summary?year=${YEAR}`).set(bearer(mA1.jwt));
    expect(res.status).toBe(200);
    // 3 sessions; verified 90+150 = 240 min = 4 h; pending 45 min = 0.75 h; ratings 4,5 → 4.5;
    // points 1.5+2 + 2.5+2.5 = 8.5. Requirement 12 h not met.
    expect(res.body.data).toEqual({
      year: YEAR,
      sessions: 3,
      verifiedHours: 4,
      pendingHours: 0.75,
      averageRating: 4.5,
      points: 8.5,
      requiredHours: 12,
      meetsRequirement: false,
    });
    expect((await http().get('/api/double-report/me/summary').set(bearer(mA1.jwt))).status).toBe(400);
  });

  it('units/:documentId/summary: totals, five ones, member rows of its own members only', async () => {
    const res = await http().get(`/api/double-report/units/${uA.documentId}/summary?year=${YEAR}`).set(bearer(uA.jwt));
    expect(res.status).toBe(200);
    const d = res.body.data;
    expect(d.members).toBe(3); // 甲一, 甲二, 甲三
    expect(d.sessions).toBe(5); // 甲一 3, 甲二 2 (one rejected, one pending)
    expect(d.verifiedHours).toBe(4);
    expect(d.points).toBe(8.5);
    expect(d.fiveOnes).toEqual({
      policy_talk: true,
      sentiment_talk: false,
      dispute_screening: false,
      livelihood_project: false,
      home_visit: true,
    });
    expect(d.memberRows.map((r: any) => r.name)).toEqual(['甲一', '甲三', '甲二'].sort());
    expect(JSON.stringify(d)).not.toMatch(/乙一/);
  });

  it('the admin dashboard lists under-requirement members and exports CSV', async () => {
    const res = await http().get(`/double-report/dashboard?year=${YEAR}`).set(bearer(admin));
    expect(res.status).toBe(200);
    const under = res.body.data.underRequirement.members.map((m: any) => m.name).sort();
    expect(under).toEqual(['乙一', '甲一', '甲三', '甲二'].sort()); // 乙一 has 10 h < 12 h
    const one = res.body.data.communities.find((x: any) => x.documentId === c.documentId);
    expect(one).toMatchObject({ members: 3, verifiedHours: 4, hoursPerMember: 1.33 });
    const csv = await http().get(`/double-report/dashboard?year=${YEAR}&format=csv`).set(bearer(admin));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toMatch(/乙一,乙单位,1,10,0,,/);
  });

  it('the requirement is configuration: lowering it to 4 h takes 甲一 off the list', async () => {
    const rs: any = await strapi().documents('plugin::double-report.rule-set').findFirst({});
    await strapi()
      .documents('plugin::double-report.rule-set')
      .update({ documentId: rs.documentId, data: { annualHoursRequired: 4 } as any });
    const res = await http().get(`/double-report/dashboard?year=${YEAR}`).set(bearer(admin));
    expect(res.body.data.underRequirement.members.map((m: any) => m.name).sort()).toEqual(['甲三', '甲二'].sort());
    await strapi()
      .documents('plugin::double-report.rule-set')
      .update({ documentId: rs.documentId, data: { annualHoursRequired: 12 } as any });
  });
});

describe('three lists: claims and public reads', () => {
  let need: any;
  beforeAll(async () => {
    need = await strapi()
      .documents('plugin::double-report.list-item')
      .create({ data: { type: 'need', title: '楼道照明', community: c.documentId, status: 'open' } as any });
    await strapi()
      .documents('plugin::double-report.list-item')
      .create({ data: { type: 'resource', title: '法律顾问', community: c.documentId, status: 'open' } as any });
  });

  it('the public sees open needs and upcoming activities, no personal data', async () => {
    const res = await http().get(`/api/double-report/communities/${c.documentId}/needs`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: any) => r.title)).toEqual(['楼道照明']);
    const acts = await http().get(`/api/double-report/communities/${c.documentId}/activities`);
    expect(acts.status).toBe(200);
    expect(JSON.stringify(acts.body)).not.toMatch(/qrToken|tok-|lat|phone/);
  });

  it('one unit claims a need (the other gets 409), moves it to done and earns item points', async () => {
    const first = await http().post(`/api/double-report/list-items/${need.documentId}/claim`).set(bearer(uA.jwt));
    expect(first.status).toBe(200);
    expect(
      (await http().post(`/api/double-report/list-items/${need.documentId}/claim`).set(bearer(uB.jwt))).status,
    ).toBe(409);
    expect(
      (
        await http()
          .post(`/api/double-report/list-items/${need.documentId}/progress`)
          .set(bearer(uB.jwt))
          .send({ status: 'done' })
      ).status,
    ).toBe(404);
    expect(
      (
        await http()
          .post(`/api/double-report/list-items/${need.documentId}/progress`)
          .set(bearer(uA.jwt))
          .send({ status: 'done' })
      ).status,
    ).toBe(200);
    expect(
      (
        await http()
          .post(`/api/double-report/list-items/${need.documentId}/progress`)
          .set(bearer(uA.jwt))
          .send({ status: 'in_progress' })
      ).status,
    ).toBe(409);
    const pts: any[] = await strapi()
      .db.query('plugin::double-report.points-entry')
      .findMany({ where: { unitRef: uA.id, source: 'item_done' } });
    expect(pts.map((p) => Number(p.points))).toEqual([5]);
    expect((await http().get(`/api/double-report/communities/${c.documentId}/needs`)).body.data).toEqual([]);
  });

  it('the star-scoring metrics compute a community share of needs done', async () => {
    const defs = strapi().plugin('double-report').service('metrics').definitions();
    const share = defs.find((d: any) => d.key === 'double-report.needs-claimed-done');
    const thisYear = new Date().getUTCFullYear();
    const r = await share.compute({ strapi: strapi(), branchDocumentId: c.documentId, year: thisYear });
    expect(r).toEqual({ value: 1, figures: { needs: 1, claimed: 1, done: 1 } });
    const hours = defs.find((d: any) => d.key === 'double-report.hours-per-member');
    expect((await hours.compute({ strapi: strapi(), branchDocumentId: c.documentId, year: YEAR })).value).toBe(1.33);
  });
});
