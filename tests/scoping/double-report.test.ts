import request from 'supertest';
import { setupStrapi, teardownStrapi, http, listenStrapi, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { activity, member, unit } from '../double-report/fixtures';
import {
  CM,
  expectMixedBulkDeleteRefused,
  expectUnassignedRefused,
  buildWorld,
  inScope,
  row,
  staffAt,
  type Community,
  type World,
  worldStaff,
} from './fixtures';

/**
 * 双报到 under organisation scope, as each kind of staff account sees it over HTTP: the plugin's
 * admin routes (lists, board, queue, QR, dashboard and its CSV) and its types in the Content Manager.
 */
const DR = 'plugin::double-report';
const T = {
  unit: `${DR}.unit`,
  member: `${DR}.member`,
  registration: `${DR}.registration`,
  item: `${DR}.list-item`,
  activity: `${DR}.activity`,
  checkIn: `${DR}.check-in`,
  points: `${DR}.points-entry`,
} as const;
const YEAR = new Date().getUTCFullYear();

interface Place {
  unit: any;
  member: any;
  activity: any;
  need: any;
  registration: any;
  checkIn: string;
}
let w: World;
const at = new Map<Community, Place>();
let root: string;
let c1: string;
let street: string;
let county: string;
let baseUrl: string;

/** A checked-out check-in through the member's own phone routes (the raw-SQL hot path writes its scope). */
async function checkInAndOut(m: any, a: any): Promise<string> {
  const res = await request(baseUrl)
    .post('/api/double-report/check-ins')
    .set(bearer(m.jwt))
    .set('Idempotency-Key', `k-${m.documentId}-${a.documentId}`)
    .send({ activity: a.documentId, source: 'qr', token: a.qrToken });
  expect(res.status).toBe(201);
  const out = await request(baseUrl)
    .post('/api/double-report/check-outs')
    .set(bearer(m.jwt))
    .send({ activity: a.documentId });
  expect(out.status).toBe(200);
  return res.body.data.documentId;
}

async function place(c: Community): Promise<Place> {
  const u = await unit(c);
  const m = await member(u, c);
  const a = await activity(c);
  const need = await strapi()
    .documents(T.item as any)
    .create({ data: { type: 'need', title: `${c.name}需求`, community: c.documentId } as any });
  const reg = await http()
    .post('/api/double-report/me/registrations')
    .set(bearer(m.jwt))
    .send({ community: c.documentId });
  expect(reg.status).toBe(201);
  return { unit: u, member: m, activity: a, need, registration: reg.body.data, checkIn: await checkInAndOut(m, a) };
}

beforeAll(async () => {
  await setupStrapi();
  baseUrl = await listenStrapi();
  w = await buildWorld();
  for (const c of [w.c1, w.c2, w.c3]) at.set(c, await place(c));
  root = (await createAdmin()).token;
  ({ c1, street, county } = await worldStaff(w));
}, 300000);
afterAll(teardownStrapi);

const get = (token: string, path: string) => http().get(`/double-report${path}`).set(bearer(token));
const docIds = (rows: Array<{ documentId: string }>) => new Set(rows.map((r) => r.documentId));

describe('every community-owned row carries its community’s scope', () => {
  it('units, members, registrations, list items, activities, check-ins (hot path) and points rows', async () => {
    const p = at.get(w.c2)!;
    // Points rows are written by the verification service with the Query Engine: they are placed too.
    const admin = await staffAt('community-staff', w.c2);
    const decided = await http()
      .post(`/double-report/check-ins/${p.checkIn}/decision`)
      .set(bearer(admin.token))
      .send({ status: 'verified', rating: 5 });
    expect(decided.status).toBe(200);
    for (const [uid, documentId] of [
      [T.unit, p.unit.documentId],
      [T.member, p.member.documentId],
      [T.registration, p.registration.documentId],
      [T.item, p.need.documentId],
      [T.activity, p.activity.documentId],
      [T.checkIn, p.checkIn],
    ] as const) {
      const r = await row(uid, { documentId });
      expect([uid, r?.scopeCommunity, r?.scopeStreet, r?.scopeCounty]).toEqual([
        uid,
        w.c2.documentId,
        w.s1.documentId,
        w.county.documentId,
      ]);
    }
    const points = await strapi()
      .db.query(T.points as any)
      .findMany({ where: { sourceRef: p.checkIn } });
    expect(points.length).toBe(2);
    for (const pt of points) expect(pt.scopeCommunity).toBe(w.c2.documentId);
  });
});

describe('the plugin’s admin routes answer within the caller’s organisation', () => {
  it('communities: community staff get their own, street staff its communities, county all three', async () => {
    const names = async (token: string) => docIds((await get(token, '/communities')).body.data);
    expect(await names(c1)).toEqual(new Set([w.c1.documentId]));
    expect(await names(street)).toEqual(new Set([w.c1.documentId, w.c2.documentId]));
    const all = await names(county);
    for (const c of [w.c1, w.c2, w.c3]) expect(all.has(c.documentId)).toBe(true);
    expect(all.size).toBe(
      await strapi()
        .db.query('api::branch.branch')
        .count({ where: { level: 'community_branch', scopeCounty: w.county.documentId } }),
    );
  });

  it('verification queue: only check-ins of the caller’s communities (compared with the database)', async () => {
    const res = await get(c1, '/check-ins/queue');
    expect(res.status).toBe(200);
    const pendingInScope = await strapi()
      .db.query(T.checkIn as any)
      .count({ where: { scopeCommunity: w.c1.documentId, status: 'pending', checkedOutAt: { $notNull: true } } });
    expect(res.body.data.length).toBe(pendingInScope);
    expect(docIds(res.body.data)).toEqual(new Set([at.get(w.c1)!.checkIn]));
    // Street staff hold no verify action: their queue is refused, not widened.
    expect((await get(street, '/check-ins/queue')).status).toBe(403);
    const other = await get(c1, `/check-ins/queue?community=${w.c3.documentId}`);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/^community: outside your organisation/);
  });

  it('a community cannot verify, revoke, evaluate, accept or print the QR of another community’s rows: 403, nothing written', async () => {
    const p = at.get(w.c3)!;
    const before = await row(T.checkIn, { documentId: p.checkIn });
    const verify = await http()
      .post(`/double-report/check-ins/${p.checkIn}/decision`)
      .set(bearer(c1))
      .send({ status: 'verified', rating: 4 });
    expect(verify.status).toBe(403);
    expect(verify.body.error.message).toMatch(/^check-in: outside your organisation/);
    expect(await row(T.checkIn, { documentId: p.checkIn })).toMatchObject({
      status: 'pending',
      rating: before?.rating,
    });
    expect(
      await strapi()
        .db.query(T.points as any)
        .count({ where: { sourceRef: p.checkIn } }),
    ).toBe(0);

    const accept = await http()
      .post(`/double-report/registrations/${p.registration.documentId}/accept`)
      .set(bearer(c1));
    expect(accept.status).toBe(403);
    expect((await row(T.registration, { documentId: p.registration.documentId }))?.status).toBe('pending');

    const qr = await get(c1, `/activities/${p.activity.documentId}/qr?rotate=true`);
    expect(qr.status).toBe(403);
    expect((await row(T.activity, { documentId: p.activity.documentId }))?.qrToken).toBe(p.activity.qrToken);

    await strapi()
      .db.query(T.item as any)
      .update({ where: { documentId: p.need.documentId }, data: { status: 'done' } });
    const evaluate = await http()
      .post(`/double-report/list-items/${p.need.documentId}/evaluation`)
      .set(bearer(c1))
      .send({ rating: 5 });
    expect(evaluate.status).toBe(403);
    expect((await row(T.item, { documentId: p.need.documentId }))?.status).toBe('done');

    for (const path of [`/communities/${w.c3.documentId}/board`, `/communities/${w.c3.documentId}/activities`])
      expect((await get(c1, path)).status).toBe(403);
    // Their own community's board answers.
    expect((await get(c1, `/communities/${w.c1.documentId}/board`)).body.data.need.map((n: any) => n.title)).toEqual([
      `${w.c1.name}需求`,
    ]);
  });

  it('a manual check-in to another community’s activity is refused; nothing is written', async () => {
    const p = at.get(w.c3)!;
    const before = await strapi()
      .db.query(T.checkIn as any)
      .count();
    const res = await http()
      .post('/double-report/check-ins/manual')
      .set(bearer(c1))
      .send({
        member: at.get(w.c1)!.member.documentId,
        activity: p.activity.documentId,
        checkedInAt: new Date(Date.now() - 30 * 60000).toISOString(),
      });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/^activity: outside your organisation/);
    expect(
      await strapi()
        .db.query(T.checkIn as any)
        .count(),
    ).toBe(before);
  });

  it('pending report-ins: only the caller’s communities', async () => {
    const res = await get(c1, '/registrations/pending');
    expect(res.status).toBe(200);
    const expected = await strapi()
      .db.query(T.registration as any)
      .count({ where: { scopeCommunity: w.c1.documentId, status: 'pending' } });
    expect(res.body.data.length).toBe(expected);
    expect(res.body.data.every((r: any) => r.community.documentId === w.c1.documentId)).toBe(true);
  });

  it('the yearly dashboard and its CSV count only in-scope members and communities', async () => {
    const names = (c: Community) => at.get(c)!.member.name as string;
    for (const [token, inside, outside] of [
      [c1, [w.c1], [w.c2, w.c3]],
      [street, [w.c1, w.c2], [w.c3]],
      [county, [w.c1, w.c2, w.c3], []],
    ] as const) {
      const res = await get(token, `/dashboard?year=${YEAR}`);
      expect(res.status).toBe(200);
      const members = res.body.data.members.map((m: any) => m.name);
      const communities = res.body.data.communities.map((c: any) => c.documentId);
      for (const c of inside) {
        expect(members).toContain(names(c));
        expect(communities).toContain(c.documentId);
      }
      for (const c of outside) {
        expect(members).not.toContain(names(c));
        expect(communities).not.toContain(c.documentId);
      }
      const column = token === c1 ? 'scopeCommunity' : token === street ? 'scopeStreet' : 'scopeCounty';
      const node = token === c1 ? w.c1 : token === street ? w.s1 : w.county;
      expect(members.length).toBe((await inScope(T.member, column, node)).size);
      const csv = await get(token, `/dashboard?year=${YEAR}&format=csv`);
      expect(csv.status).toBe(200);
      for (const c of inside) expect(csv.text).toContain(names(c));
      for (const c of outside) expect(csv.text).not.toContain(names(c));
    }
    expect((await get(c1, `/dashboard?year=${YEAR}&community=${w.c2.documentId}`)).status).toBe(403);
  });
});

describe('the plugin’s types in the Content Manager', () => {
  const list = (token: string, uid: string) => http().get(`${CM}/${uid}?page=1&pageSize=100`).set(bearer(token));

  it.each(Object.values(T))('%s: each staff account lists exactly its rows (counted in the database)', async (uid) => {
    for (const [token, column, node] of [
      [c1, 'scopeCommunity', w.c1],
      [street, 'scopeStreet', w.s1],
      [county, 'scopeCounty', w.county],
    ] as const) {
      const expected = await inScope(uid, column, node);
      const res = await list(token, uid);
      expect(res.status).toBe(200);
      expect(res.body.pagination.total).toBe(expected.size);
      expect(docIds(res.body.results)).toEqual(expected);
    }
    // Super Admin: everything.
    expect((await list(root, uid)).body.pagination.total).toBe(
      await strapi()
        .db.query(uid as any)
        .count(),
    );
  });

  it('opening or editing another community’s activity is refused and writes nothing', async () => {
    const theirs = at.get(w.c2)!.activity;
    expect((await http().get(`${CM}/${T.activity}/${theirs.documentId}`).set(bearer(c1))).status).toBe(403);
    const res = await http().put(`${CM}/${T.activity}/${theirs.documentId}`).set(bearer(c1)).send({ title: '改名' });
    expect(res.status).toBe(403);
    expect((await row(T.activity, { documentId: theirs.documentId }))?.title).toBe(theirs.title);
  });

  it('bulk delete of mixed list items deletes none outside the scope', async () => {
    const mine = await strapi()
      .documents(T.item as any)
      .create({ data: { type: 'resource', title: '本社区资源', community: w.c1.documentId } as any });
    const theirs = at.get(w.c2)!.need;
    await expectMixedBulkDeleteRefused(T.item, c1, mine.documentId, theirs.documentId);
  });

  it('the relation picker of an activity’s community offers only in-scope communities', async () => {
    const res = await http().get(`/content-manager/relations/${T.activity}/community?pageSize=100`).set(bearer(c1));
    expect(res.status).toBe(200);
    const offered = docIds(res.body.results);
    expect(offered.has(w.c1.documentId)).toBe(true);
    for (const c of [w.c2, w.c3, w.s1]) expect(offered.has(c.documentId)).toBe(false);
  });

  it('creating an activity for another community is 403 naming the field; nothing is written', async () => {
    const before = await strapi()
      .db.query(T.activity as any)
      .count();
    const res = await http()
      .post(`${CM}/${T.activity}`)
      .set(bearer(c1))
      .send({
        title: '越界活动',
        kind: 'other',
        startsAt: new Date().toISOString(),
        endsAt: new Date(Date.now() + 3600000).toISOString(),
        community: { connect: [{ documentId: w.c2.documentId }] },
      });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/^community: outside your organisation/);
    expect(
      await strapi()
        .db.query(T.activity as any)
        .count(),
    ).toBe(before);
  });
});

describe('an administrator nobody assigned to an organisation', () => {
  it('is told so on every list of the plugin (403 naming organisation), as in the Content Manager', async () => {
    await expectUnassignedRefused([
      '/double-report/communities',
      '/double-report/check-ins/queue',
      '/double-report/registrations/pending',
      '/double-report/dashboard?year=2026',
    ]);
  });
});
