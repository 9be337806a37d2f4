import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createUser } from '../helpers/auth';
import { buildWorld, staffAt, worldStaff, type World } from '../scoping/fixtures';
import { A, P, category, gridWorker, ownerMove, ownerUnit, report, staffMove } from './fixtures';

let w: World;
let staff: { c1: string; street: string; county: string };
let outsider: string;
let rep: { documentId: string };
let repAccount: { jwt: string; userId: number };
let worker: { jwt: string; userId: number };
let unit: { documentId: string; name: string; jwt: string };
let cat: any;

const field = (res: any) => res.body?.error?.details?.errors?.[0]?.path?.join('.') ?? res.body?.error?.details?.field;
const docs = (uid: string) => strapi().documents(uid as any) as any;

/** A representative (人大代表) and the grid account (kind representative) linked to the record. */
async function representative() {
  const r = await docs('api::representative.representative').create({
    data: { name: '王代表', kind: 'peoples_congress', level: 'county', grid: w.c1.grids[0].documentId },
  });
  const user = await createUser('grid-worker');
  const ga = await docs('plugin::grid-cases.grid-account').create({
    data: { name: '王代表', kind: 'representative', grid: w.c1.grids[0].documentId, representative: r.documentId },
  });
  await strapi()
    .db.query('plugin::grid-cases.grid-account' as any)
    .update({ where: { id: ga.id }, data: { account: user.user.id } });
  return { rep: { documentId: r.documentId as string }, account: { jwt: user.jwt, userId: user.user.id as number } };
}

const suggest = async (jwt: string, title: string, source = 'representatives') => {
  const r = await report(jwt, {
    title,
    description: `${title}（代表走访中群众反映）`,
    category: cat.documentId,
    source,
    grid: w.c1.grids[0].documentId,
  });
  expect(r.status).toBe(201);
  return r.body.data.documentId as string;
};

beforeAll(async () => {
  await setupStrapi();
  w = await buildWorld();
  staff = await worldStaff(w);
  outsider = (await staffAt('community-staff', w.c3)).token;
  ({ rep, account: repAccount } = await representative());
  worker = await gridWorker(w.c1.grids[0]);
  unit = await ownerUnit(w.c1);
  cat = await category(2);
});
afterAll(teardownStrapi);

describe('履职: a representative’s suggestions and their results', () => {
  it('counts raised, closed and satisfied suggestions, for the representative and for staff', async () => {
    const empty = await http().get(`${P}/me/duties`).set(bearer(repAccount.jwt));
    expect(empty.status).toBe(200);
    expect(empty.body.data.counts).toEqual({ raised: 0, closed: 0, rated: 0, satisfied: 0 });

    const a = await suggest(repAccount.jwt, '增设公交站点');
    const b = await suggest(repAccount.jwt, '学校门口限速');
    await suggest(repAccount.jwt, '路面破损', 'grid_patrol'); // not a suggestion: not counted
    await suggest(worker.jwt, '别人的建议'); // another account: not this representative's

    // a is closed with a satisfied rating; b is still running
    expect((await staffMove(staff.c1, a, 'accept')).status).toBe(200);
    expect((await staffMove(staff.c1, a, 'dispatch', { ownerKind: 'unit', ownerUnit: unit.documentId })).status).toBe(
      200,
    );
    for (const step of ['sign', 'start']) expect((await ownerMove(unit.jwt, a, step)).status).toBe(200);
    expect((await ownerMove(unit.jwt, a, 'handle', { result: '已增设站点' })).status).toBe(200);
    expect((await staffMove(staff.c1, a, 'verify')).status).toBe(200);
    expect(
      (await http().post(`${P}/cases/${a}/rating`).set(bearer(repAccount.jwt)).send({ satisfaction: 'satisfied' }))
        .status,
    ).toBe(200);
    expect((await staffMove(staff.c1, a, 'archive')).status).toBe(200);

    const mine = await http().get(`${P}/me/duties`).set(bearer(repAccount.jwt));
    expect(mine.status).toBe(200);
    expect(mine.body.data.representative).toEqual({ documentId: rep.documentId, name: '王代表' });
    expect(mine.body.data.counts).toEqual({ raised: 2, closed: 1, rated: 1, satisfied: 1 });
    expect(mine.body.data.cases.map((c: any) => [c.documentId, c.status])).toEqual(
      expect.arrayContaining([
        [a, 'archived'],
        [b, 'reported'],
      ]),
    );
    expect(mine.body.data.cases).toHaveLength(2);
    expect(mine.body.data.cases.find((c: any) => c.documentId === a).result).toBe('已增设站点');
    expect(JSON.stringify(mine.body)).not.toMatch(/reporterContact|clientKey|phone/);

    const seen = await http().get(`${A}/representatives/${rep.documentId}/duties`).set(bearer(staff.c1));
    expect(seen.status).toBe(200);
    expect(seen.body.data.counts).toEqual(mine.body.data.counts);
    expect(seen.body.data.cases).toHaveLength(2);
    const street = await http().get(`${A}/representatives/${rep.documentId}/duties`).set(bearer(staff.street));
    expect(street.body.data.counts.raised).toBe(2);
  });

  it('refuses an account that is not a representative’s, staff elsewhere and strangers', async () => {
    const notRep = await http().get(`${P}/me/duties`).set(bearer(worker.jwt));
    expect([notRep.status, field(notRep)]).toEqual([403, 'representative']);
    expect((await http().get(`${P}/me/duties`)).status).toBe(403);
    const elsewhere = await http().get(`${A}/representatives/${rep.documentId}/duties`).set(bearer(outsider));
    expect([elsewhere.status, field(elsewhere)]).toEqual([403, 'representative']);
    expect((await http().get(`${A}/representatives/nope/duties`).set(bearer(staff.c1))).status).toBe(404);
    expect((await http().get(`${A}/representatives/${rep.documentId}/duties`)).status).toBe(401);
  });
});

describe('代表委员履职: every representative in scope with their counts', () => {
  const table = (token: string, query = '') => http().get(`${A}/representatives/duties${query}`).set(bearer(token));

  it('lists the representatives of the organisation, zeros included, with the per-representative counts', async () => {
    const quiet = await docs('api::representative.representative').create({
      data: { name: '李委员', kind: 'cppcc', level: 'county', grid: w.c1.grids[0].documentId },
    });
    const far = await docs('api::representative.representative').create({
      data: { name: '赵代表', kind: 'party_congress', level: 'county', grid: w.c3.grids[0].documentId },
    });

    // b, dispatched, runs past its deadline: open and overdue
    const b = (await http().get(`${P}/me/duties`).set(bearer(repAccount.jwt))).body.data.cases.find(
      (c: any) => c.status === 'reported',
    ).documentId;
    expect((await staffMove(staff.c1, b, 'accept')).status).toBe(200);
    expect((await staffMove(staff.c1, b, 'dispatch', { ownerKind: 'unit', ownerUnit: unit.documentId })).status).toBe(
      200,
    );
    await strapi()
      .db.query('plugin::grid-cases.case' as any)
      .update({ where: { documentId: b }, data: { dueAt: new Date(Date.now() - 86_400_000) } });

    const res = await table(staff.c1);
    expect(res.status).toBe(200);
    const byId = new Map(res.body.data.map((r: any) => [r.documentId, r]));
    const one = await http().get(`${A}/representatives/${rep.documentId}/duties`).set(bearer(staff.c1));
    const mine: any = byId.get(rep.documentId);
    expect(mine).toMatchObject({ name: '王代表', kind: 'peoples_congress', ...one.body.data.counts });
    expect(mine.grid.documentId).toBe(w.c1.grids[0].documentId);
    expect(mine.raised).toBe(2);
    expect([mine.open, mine.overdue, mine.closedRate, mine.satisfactionRate]).toEqual([1, 1, 0.5, 1]);
    expect(byId.get(quiet.documentId)).toMatchObject({ name: '李委员', raised: 0, closed: 0, rated: 0, satisfied: 0 });
    expect(byId.has(far.documentId)).toBe(false); // another community's representative

    // the county sees both communities; the other community's staff see theirs only
    const county = await table(staff.county);
    expect(county.body.data.map((r: any) => r.documentId)).toEqual(
      expect.arrayContaining([rep.documentId, quiet.documentId, far.documentId]),
    );
    const other = await table(outsider);
    const theirs = other.body.data.map((r: any) => r.documentId);
    expect(theirs).toContain(far.documentId);
    expect(theirs).not.toContain(rep.documentId);
    expect(theirs).not.toContain(quiet.documentId);
  });

  it('counts the suggestions reported within the period (Shanghai dates)', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const now = await table(staff.c1, `?from=${today}&to=${today}`);
    expect(now.body.data.find((r: any) => r.documentId === rep.documentId).raised).toBe(2);
    const before = await table(staff.c1, '?from=2020-01-01&to=2020-12-31');
    expect(before.body.data.find((r: any) => r.documentId === rep.documentId).raised).toBe(0);
  });

  it('exports the table, refuses bad input by field and strangers', async () => {
    const csv = await table(staff.c1, '?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('王代表');
    expect(csv.text).toContain('人大代表');
    const bad = await table(staff.c1, '?from=yesterday');
    expect([bad.status, field(bad)]).toEqual([400, 'from']);
    expect(bad.body.error.message).toBe('from: must be a date YYYY-MM-DD (应为日期 YYYY-MM-DD)');
    expect((await http().get(`${A}/representatives/duties`)).status).toBe(401);
  });
});
