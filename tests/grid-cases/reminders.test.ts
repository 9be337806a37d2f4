import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer } from '../helpers/auth';
import { buildWorld, staffAt, worldStaff, type World } from '../scoping/fixtures';
import { A, category, gridWorker, ownerMove, ownerUnit, report, staffMove } from './fixtures';

let w: World;
let staff: { c1: string; street: string; county: string };
let worker: { jwt: string; userId: number };
let unit: { documentId: string; name: string; jwt: string };
let cat: any;
let outsider: string;

/** One tick of the automatic 督办, at a chosen moment (the timer calls it with the clock's now). */
const remind = (now: Date) =>
  strapi().plugin('grid-cases').service('reminders').remind(now) as Promise<{ warned: number; urged: number }>;
const detail = async (id: string) => (await http().get(`${A}/cases/${id}`).set(bearer(staff.c1))).body.data;
const systemSteps = async (id: string) =>
  (await detail(id)).history.filter((e: any) => e.actorKind === 'system').map((e: any) => e.action);
const eventsOf = (action: string) =>
  strapi()
    .db.query('plugin::grid-cases.case-event' as any)
    .count({ where: { action } });

async function dispatched(title: string) {
  const r = await report(worker.jwt, {
    title,
    description: '需要及时处理的网格事项。',
    category: cat.documentId,
    source: 'grid_patrol',
    grid: w.c1.grids[0].documentId,
  });
  const id = r.body.data.documentId as string;
  expect((await staffMove(staff.c1, id, 'accept')).status).toBe(200);
  const d = await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'unit', ownerUnit: unit.documentId });
  expect(d.status).toBe(200);
  return { id, from: new Date(d.body.data.dispatchedAt), due: new Date(d.body.data.dueAt) };
}
/** The moment `share` of the way from dispatch to the deadline. */
const at = (c: { from: Date; due: Date }, share: number) =>
  new Date(c.from.getTime() + share * (c.due.getTime() - c.from.getTime()));

beforeAll(async () => {
  await setupStrapi();
  w = await buildWorld();
  staff = await worldStaff(w);
  worker = await gridWorker(w.c1.grids[0]);
  unit = await ownerUnit(w.c1);
  cat = await category(5);
  outsider = (await staffAt('community-staff', w.c3)).token;
});
afterAll(teardownStrapi);

describe('automatic 督办: warning at 80 %, 催办 when overdue', () => {
  it('warns once at 80 %, urges once when overdue, by the system, without moving the case', async () => {
    const c = await dispatched('路面塌陷');
    await remind(at(c, 0.5));
    expect(await systemSteps(c.id)).toEqual([]);
    await remind(at(c, 0.85));
    await remind(at(c, 0.9));
    expect(await systemSteps(c.id)).toEqual(['warned']);
    await remind(new Date(c.due.getTime() + 60_000));
    await remind(new Date(c.due.getTime() + 3_600_000));
    const d = await detail(c.id);
    expect(d.status).toBe('dispatched');
    expect(await systemSteps(c.id)).toEqual(['warned', 'urged']);
    const urged = d.history.find((e: any) => e.action === 'urged');
    expect(urged).toMatchObject({ from: 'dispatched', to: 'dispatched', actorKind: 'system' });

    // 督办台 counts what the tick flagged
    const sup = await http().get(`${A}/supervision`).set(bearer(staff.c1));
    expect(sup.status).toBe(200);
    expect(sup.body.data.reminders.urged).toBeGreaterThanOrEqual(1);
    expect(sup.body.data.reminders.newlyUrged).toBeGreaterThanOrEqual(1);
  });

  it('an approved extension is a new deadline: warned again at 80 % of it, not before', async () => {
    const c = await dispatched('下水道堵塞');
    await remind(at(c, 0.85));
    expect(await systemSteps(c.id)).toEqual(['warned']);
    expect((await ownerMove(unit.jwt, c.id, 'extension', { days: 5, reason: '需采购配件' })).status).toBe(200);
    const e = await staffMove(staff.c1, c.id, 'extension', { approve: true });
    expect(e.status).toBe(200);
    const due = new Date(e.body.data.dueAt);
    expect(due.getTime()).toBeGreaterThan(c.due.getTime());
    // past the old deadline, before 80 % of the new one: nothing
    await remind(new Date(c.due.getTime() + 60_000));
    expect(await systemSteps(c.id)).toEqual(['warned']);
    await remind(new Date(due.getTime() - 60_000));
    expect(await systemSteps(c.id)).toEqual(['warned', 'warned']);
  });

  it('a handled case is no longer watched', async () => {
    const c = await dispatched('垃圾清运');
    expect((await ownerMove(unit.jwt, c.id, 'sign')).status).toBe(200);
    expect((await ownerMove(unit.jwt, c.id, 'start')).status).toBe(200);
    expect((await ownerMove(unit.jwt, c.id, 'handle', { result: '已清运' })).status).toBe(200);
    await remind(new Date(c.due.getTime() + 86_400_000));
    expect(await systemSteps(c.id)).toEqual([]);
  });

  it('two ticks at once write one event per case', async () => {
    const cases: Array<Awaited<ReturnType<typeof dispatched>>> = [];
    for (const title of ['井盖缺失', '路灯不亮', '树枝折断', '围墙开裂']) cases.push(await dispatched(title));
    const late = new Date(Math.max(...cases.map((c) => c.due.getTime())) + 86_400_000);
    const before = await eventsOf('urged');
    const [a, b] = await Promise.all([remind(late), remind(late)]);
    const after = await eventsOf('urged');
    // the cases of the earlier tests are overdue too: every running case once, these four among them
    expect(after - before).toBe(a.urged + b.urged);
    for (const c of cases) expect((await systemSteps(c.id)).filter((s: string) => s === 'urged')).toHaveLength(1);
    expect(await remind(late)).toMatchObject({ warned: 0, urged: 0 });
  });

  it('the home to-do list counts the overdue and the warned cases of the caller’s organisation', async () => {
    const todo = async (token: string) => {
      const res = await http().get('/grassroots/todo').set(bearer(token));
      expect(res.status).toBe(200);
      return Object.fromEntries((res.body.data as any[]).map((i) => [i.key, i.count]));
    };
    const before = await todo(staff.c1);
    const late = await dispatched('电梯停运');
    const near = await dispatched('楼顶漏水');
    // Moved back in time in the database: one past its deadline, one at 90 % of its limit, right now.
    const hour = 3_600_000;
    const setTimes = (id: string, dispatchedAt: Date, dueAt: Date) =>
      strapi()
        .db.query('plugin::grid-cases.case' as any)
        .update({ where: { documentId: id }, data: { dispatchedAt, dueAt } });
    await setTimes(late.id, new Date(Date.now() - 72 * hour), new Date(Date.now() - hour));
    await setTimes(near.id, new Date(Date.now() - 90 * hour), new Date(Date.now() + 10 * hour));
    await remind(new Date());
    expect(await systemSteps(late.id)).toEqual(['urged']);
    expect(await systemSteps(near.id)).toEqual(['warned']);
    const after = await todo(staff.c1);
    expect(after.overdueGridCases).toBe(before.overdueGridCases + 1);
    expect(after.warnedGridCases).toBe(before.warnedGridCases + 1);
    const elsewhere = await todo(outsider);
    expect([elsewhere.overdueGridCases, elsewhere.warnedGridCases]).toEqual([0, 0]);
  });
});
