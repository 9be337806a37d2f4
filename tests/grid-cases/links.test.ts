import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { buildWorld, staffAt, worldStaff, type World } from '../scoping/fixtures';
import { A, category, gridWorker, ownerMove, ownerUnit, report, staffMove } from './fixtures';

let w: World;
let staff: { c1: string; street: string; county: string };
let outsider: string;
let superAdmin: string;
let worker: { jwt: string; userId: number };
let worker2: { jwt: string; userId: number };
let unit: { documentId: string; name: string; jwt: string };
let unit2: { documentId: string; name: string; jwt: string };
let cat: any;

const field = (res: any) => res.body?.error?.details?.errors?.[0]?.path?.join('.');
const P = '/api/grid-cases';
const reported = async (jwt: string, grid: string, title: string) => {
  const r = await report(jwt, {
    title,
    description: `${title}，居民多次反映。`,
    category: cat.documentId,
    source: 'residents',
    grid,
  });
  expect(r.status).toBe(201);
  return r.body.data.documentId as string;
};
const detail = async (token: string, id: string) => (await http().get(`${A}/cases/${id}`).set(bearer(token))).body.data;
const count = (uid: string, where: Record<string, unknown> = {}) =>
  strapi()
    .db.query(uid as any)
    .count({ where });

beforeAll(async () => {
  await setupStrapi();
  w = await buildWorld();
  staff = await worldStaff(w);
  outsider = (await staffAt('community-staff', w.c3)).token;
  superAdmin = (await createAdmin('strapi-super-admin')).token;
  worker = await gridWorker(w.c1.grids[0]);
  worker2 = await gridWorker(w.c2.grids[0]);
  unit = await ownerUnit(w.c1);
  unit2 = await ownerUnit(w.c2);
  cat = await category(3);
  // 甲社区's neighbourhood council (no grids named: the community's council takes its grids' cases)
  await strapi()
    .documents('plugin::deliberation.council' as any)
    .create({
      data: {
        name: '甲社区居民议事会',
        code: 'GC-LINK-1',
        kind: 'neighbourhood_council',
        branch: w.c1.documentId,
        members: [{ key: 'm1', name: '成员1', role: '成员', organisation: '社区' }],
        rule: { quorum: { type: 'more_than_half' }, vote: { type: 'more_than_half', base: 'present' } },
      },
    });
});
afterAll(teardownStrapi);

describe('case → deliberation topic (转为议事议题)', () => {
  it('creates a topic of the community council, linked both ways, once', async () => {
    const id = await reported(worker.jwt, w.c1.grids[0].documentId, '小区加装电梯');
    const topics = await count('plugin::deliberation.topic');
    const r = await staffMove(staff.c1, id, 'to-topic');
    expect([r.status, r.body.error?.message]).toEqual([201, undefined]);
    expect(r.body.data.links.topic).toEqual({ documentId: expect.any(String), title: '小区加装电梯' });
    expect(await count('plugin::deliberation.topic')).toBe(topics + 1);
    const topic = await strapi()
      .db.query('plugin::deliberation.topic' as any)
      .findOne({ where: { documentId: r.body.data.links.topic.documentId }, populate: { council: true } });
    expect(topic).toMatchObject({ status: 'collected', raisedBy: 'resident' });
    expect(topic.council.code).toBe('GC-LINK-1');
    expect(topic.sourceText).toContain(id);
    // the deliberation plugin shows it in its own list
    const list = await http().get('/deliberation/topics').set(bearer(superAdmin));
    expect(JSON.stringify(list.body)).toContain(r.body.data.links.topic.documentId);

    const d = await detail(staff.c1, id);
    expect(d.links.topic.documentId).toBe(r.body.data.links.topic.documentId);
    expect(d.status).toBe('reported');
    expect(d.history.map((e: any) => e.action)).toEqual(['report', 'to_topic']);

    const again = await staffMove(staff.c1, id, 'to-topic');
    expect([again.status, field(again)]).toEqual([409, 'topicRef']);
    expect(await count('plugin::deliberation.topic')).toBe(topics + 1);
  });

  it('staff of another organisation are refused; a community without a council is a 409', async () => {
    const id = await reported(worker.jwt, w.c1.grids[0].documentId, '广场舞噪音');
    expect((await staffMove(outsider, id, 'to-topic')).status).toBe(403);
    const other = await reported(worker2.jwt, w.c2.grids[0].documentId, '停车位划线');
    const topics = await count('plugin::deliberation.topic');
    const r = await staffMove(staff.street, other, 'to-topic');
    expect([r.status, field(r)]).toEqual([409, 'council']);
    expect(await count('plugin::deliberation.topic')).toBe(topics);
    expect((await detail(staff.street, other)).links).toEqual({});
  });
});

describe('two links at once', () => {
  it('two to-topic requests at once make one topic; the other is a 409', async () => {
    const id = await reported(worker.jwt, w.c1.grids[0].documentId, '小区充电桩');
    const topics = await count('plugin::deliberation.topic');
    const answers = await Promise.all([staffMove(staff.c1, id, 'to-topic'), staffMove(staff.c1, id, 'to-topic')]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await count('plugin::deliberation.topic')).toBe(topics + 1);
    expect(await count('plugin::grid-cases.case-event', { action: 'to_topic', case: { documentId: id } })).toBe(1);
  });
});

describe('case → double-report need (转入需求清单)', () => {
  it("creates an open need in the community's list, linked, once", async () => {
    const id = await reported(worker.jwt, w.c1.grids[0].documentId, '独居老人助餐');
    const needs = await count('plugin::double-report.list-item', { type: 'need' });
    const r = await staffMove(staff.c1, id, 'to-need');
    expect(r.status).toBe(201);
    expect(r.body.data.links.need).toEqual({ documentId: expect.any(String), title: '独居老人助餐' });
    const need = await strapi()
      .db.query('plugin::double-report.list-item' as any)
      .findOne({ where: { documentId: r.body.data.links.need.documentId }, populate: { community: true } });
    expect(need).toMatchObject({ type: 'need', status: 'open', scopeCommunity: w.c1.documentId });
    expect(need.community.documentId).toBe(w.c1.documentId);
    // the public needs list of the community shows it
    const pub = await http().get(`/api/double-report/communities/${w.c1.documentId}/needs`);
    expect(pub.status).toBe(200);
    expect(JSON.stringify(pub.body)).toContain(r.body.data.links.need.documentId);

    const again = await staffMove(staff.c1, id, 'to-need');
    expect([again.status, field(again)]).toEqual([409, 'needRef']);
    expect(await count('plugin::double-report.list-item', { type: 'need' })).toBe(needs + 1);
    const d = await detail(staff.c1, id);
    expect(d.history.map((e: any) => e.action)).toEqual(['report', 'to_need']);
    expect((await staffMove(outsider, id, 'to-need')).status).toBe(403);
  });
});

/** Drives a case from accepted to rated by its reporter, at the level of `token`'s staff. */
async function closeOut(
  token: string,
  id: string,
  owner: typeof unit,
  reporter: string,
  satisfaction: string,
  dispatch = true,
) {
  if (dispatch)
    expect((await staffMove(token, id, 'dispatch', { ownerKind: 'unit', ownerUnit: owner.documentId })).status).toBe(
      200,
    );
  for (const step of ['sign', 'start']) expect((await ownerMove(owner.jwt, id, step)).status).toBe(200);
  expect((await ownerMove(owner.jwt, id, 'handle', { result: '已协调解决' })).status).toBe(200);
  expect((await staffMove(token, id, 'verify')).status).toBe(200);
  const rated = await http().post(`${P}/cases/${id}/rating`).set(bearer(reporter)).send({ satisfaction });
  expect(rated.status).toBe(200);
}

describe('上报上级: the original follows its child', () => {
  it('archiving the street case archives the escalated community case with its result', async () => {
    const id = await reported(worker.jwt, w.c1.grids[0].documentId, '跨社区排水');
    expect((await staffMove(staff.c1, id, 'accept')).status).toBe(200);
    const up = await staffMove(staff.c1, id, 'escalate', { reason: '需街道协调' });
    const child = up.body.data.documentId;
    await closeOut(staff.street, child, unit, worker.jwt, 'satisfied');
    expect((await detail(staff.c1, id)).status).toBe('escalated');
    expect((await staffMove(staff.street, child, 'archive')).status).toBe(200);
    const original = await detail(staff.c1, id);
    expect(original).toMatchObject({ status: 'archived', result: '已协调解决', satisfaction: null });
    expect(original.archivedAt).toEqual(expect.any(String));
    expect(original.history.at(-1)).toMatchObject({
      from: 'escalated',
      to: 'archived',
      action: 'conclude',
      actorKind: 'system',
    });
    const pub = await http().get(`${P}/cases/${id}`);
    expect(pub.body.data).toMatchObject({ status: 'archived', result: '已协调解决' });
  });

  it('a county case archived concludes the street and the community originals', async () => {
    const id = await reported(worker.jwt, w.c1.grids[0].documentId, '河道清淤');
    expect((await staffMove(staff.c1, id, 'accept')).status).toBe(200);
    const street = (await staffMove(staff.c1, id, 'escalate', { reason: '需街道协调' })).body.data.documentId;
    const county = (await staffMove(staff.street, street, 'escalate', { reason: '需县级协调' })).body.data.documentId;
    await closeOut(staff.county, county, unit, worker.jwt, 'basically');
    expect((await staffMove(staff.county, county, 'archive')).status).toBe(200);
    for (const c of [street, id]) expect((await detail(staff.county, c)).status).toBe('archived');
  });
});

describe('star-scoring metrics from grid cases', () => {
  it('registers 响应率 and 满意率 and computes them per community and year in one statement each', async () => {
    const listed = await http().get('/star-scoring/metrics').set(bearer(superAdmin));
    expect(listed.status).toBe(200);
    const keys = JSON.stringify(listed.body);
    expect(keys).toContain('grid-cases.on-time-rate');
    expect(keys).toContain('grid-cases.satisfaction-rate');

    // 乙社区 (C2): two cases handled on time, one rated satisfied, one dissatisfied twice (reopened once)
    const a = await reported(worker2.jwt, w.c2.grids[0].documentId, '路灯维修');
    const b = await reported(worker2.jwt, w.c2.grids[0].documentId, '楼道照明');
    for (const id of [a, b]) expect((await staffMove(staff.street, id, 'accept')).status).toBe(200);
    await closeOut(staff.street, a, unit2, worker2.jwt, 'satisfied');
    await closeOut(staff.street, b, unit2, worker2.jwt, 'dissatisfied');
    // reopened (back to dispatched, same owner): handled again, dissatisfied again
    await closeOut(staff.street, b, unit2, worker2.jwt, 'dissatisfied', false);
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const registry = strapi().plugin('star-scoring').service('metrics');
    const onTime = await registry.compute('grid-cases.on-time-rate', w.c2.documentId, year);
    expect(onTime).toMatchObject({ value: 1, figures: { responded: 2, dispatched: 2 } });
    const satisfied = await registry.compute('grid-cases.satisfaction-rate', w.c2.documentId, year);
    expect(satisfied).toMatchObject({ value: 0.5, figures: { satisfied: 1, rated: 2 } });
    const empty = await registry.compute('grid-cases.satisfaction-rate', w.c3.documentId, year);
    expect(empty).toMatchObject({ value: 0, figures: { satisfied: 0, rated: 0 } });
    expect((await registry.compute('grid-cases.on-time-rate', w.c2.documentId, year - 1)).figures).toEqual({
      responded: 0,
      dispatched: 0,
    });
  });
});
