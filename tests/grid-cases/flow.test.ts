import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createUser } from '../helpers/auth';
import { buildWorld, staffAt, worldStaff, type World } from '../scoping/fixtures';
import {
  addWorkingDays,
  holidayTable,
  isWorkingDay,
  shanghaiDate,
  type DayKind,
} from '../../src/plugins/grid-cases/shared';
import {
  A,
  P,
  category,
  countCases,
  countEvents,
  gridWorker,
  ownerMove,
  ownerUnit,
  report,
  staffMove,
} from './fixtures';

let w: World;
let staff: { c1: string; street: string; county: string };
let outsider: string;
let worker: { jwt: string; userId: number };
let neighbour: { jwt: string; userId: number };
let unit: { documentId: string; name: string; jwt: string };
let otherUnit: { documentId: string; name: string; jwt: string };
let cat3: any;
let inactive: any;

const SPOT = { lat: 35.398, lng: 114.232 };
const body = (over: Record<string, unknown> = {}) => ({
  title: '3号楼路灯不亮',
  description: '3号楼东侧路灯连续三晚不亮，老人夜间出行不便。',
  category: cat3.documentId,
  source: 'five_heads',
  grid: w.c1.grids[0].documentId,
  building: '3号楼',
  ...SPOT,
  reporterContact: '13912345678',
  ...over,
});
const field = (res: any) => res.body?.error?.details?.errors?.[0]?.path?.join('.');

/** Drives a reported case to dispatched to `unit`. */
async function dispatched(over: Record<string, unknown> = {}) {
  const r = await report(worker.jwt, body(over));
  expect(r.status).toBe(201);
  const id = r.body.data.documentId as string;
  expect((await staffMove(staff.c1, id, 'accept')).status).toBe(200);
  const d = await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'unit', ownerUnit: unit.documentId });
  expect(d.status).toBe(200);
  return id;
}
async function handled(id: string, result = '已更换灯泡') {
  expect((await ownerMove(unit.jwt, id, 'sign')).status).toBe(200);
  expect((await ownerMove(unit.jwt, id, 'start')).status).toBe(200);
  const h = await ownerMove(unit.jwt, id, 'handle', { result });
  expect(h.status).toBe(200);
  return h;
}

beforeAll(async () => {
  await setupStrapi();
  w = await buildWorld();
  staff = await worldStaff(w);
  outsider = (await staffAt('community-staff', w.c3)).token;
  worker = await gridWorker(w.c1.grids[0]);
  neighbour = await gridWorker(w.c1.grids[0]);
  unit = await ownerUnit(w.c1);
  otherUnit = await ownerUnit(w.c1);
  cat3 = await category(3);
  inactive = await category(1, { active: false });
});
afterAll(teardownStrapi);

describe('上报 (grid accounts)', () => {
  it('reports a case once per Idempotency-Key; another body with the key is a 422', async () => {
    const first = await report(worker.jwt, body(), 'same-key');
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({
      status: 'reported',
      level: 'community',
      source: 'five_heads',
      reopened: false,
    });
    expect(first.body.data).not.toHaveProperty('reporterContact');
    const again = await report(worker.jwt, body(), 'same-key');
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.data.documentId).toBe(first.body.data.documentId);
    const other = await report(worker.jwt, body({ title: '另一件事' }), 'same-key');
    expect(other.status).toBe(422);
    expect(field(other)).toBe('Idempotency-Key');
    const history = await http().get(`${P}/cases/${first.body.data.documentId}`);
    expect(history.body.data.history.map((h: any) => h.action)).toEqual(['report']);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const cases = await countCases();
    const events = await countEvents();
    const noKey = await http().post(`${P}/cases`).set(bearer(worker.jwt)).send(body());
    expect([noKey.status, field(noKey)]).toEqual([400, 'Idempotency-Key']);
    for (const [over, name] of [
      [{ title: '' }, 'title'],
      [{ source: 'rumour' }, 'source'],
      [{ grid: undefined }, 'grid'],
      [{ lat: 95 }, 'lat'],
      [{ lng: undefined }, 'lng'],
      [{ category: inactive.documentId }, 'category'],
      [{ category: 'nope' }, 'category'],
      [{ compound: w.c1.compounds[1].documentId }, 'compound'],
    ] as Array<[Record<string, unknown>, string]>) {
      const res = await report(worker.jwt, body(over));
      expect([name, res.status, field(res)]).toEqual([name, 400, name]);
    }
    // an unknown key is refused on the body, naming the key in the message
    const extra = await report(worker.jwt, body({ surprise: 1 }));
    expect([extra.status, field(extra)]).toEqual([400, 'body']);
    expect(extra.body.error.message).toContain('surprise');
    expect(await countCases()).toBe(cases);
    expect(await countEvents()).toBe(events);
  });

  it('keeps a grid account to its own grid, and refuses accounts that are not linked or not grid workers', async () => {
    const elsewhere = await report(worker.jwt, body({ grid: w.c1.grids[1].documentId }));
    expect([elsewhere.status, field(elsewhere)]).toEqual([403, 'grid']);
    const unlinked = await gridWorker(null);
    const r = await report(unlinked.jwt, body());
    expect([r.status, field(r)]).toEqual([403, 'account']);
    const member = await createUser('party-member');
    expect((await report(member.jwt, body())).status).toBe(403);
    // anonymous callers hold no grant to report (the public role)
    expect((await http().post(`${P}/cases`).set('Idempotency-Key', 'anon').send(body())).status).toBe(403);
  });

  it('lists my cases and my grid’s cases', async () => {
    const mine = await http().get(`${P}/me/cases`).set(bearer(worker.jwt));
    expect(mine.status).toBe(200);
    expect(mine.body.data.length).toBeGreaterThan(0);
    const grid = await http().get(`${P}/me/grid-cases`).set(bearer(neighbour.jwt));
    expect(grid.status).toBe(200);
    expect(grid.body.data.map((c: any) => c.documentId)).toEqual(
      expect.arrayContaining(mine.body.data.map((c: any) => c.documentId)),
    );
    const none = await http().get(`${P}/me/cases`).set(bearer(neighbour.jwt));
    expect(none.body.data).toEqual([]);
  });
});

describe('the whole flow', () => {
  it('上报 → 受理 → 派单 → 签收 → 处置 → 延期 → 办结 → 核查退回 → 办结 → 核查 → 回访 → 归档, every wrong move a 409', async () => {
    const r = await report(worker.jwt, body({ title: '楼道堆放杂物' }));
    const id = r.body.data.documentId as string;
    // wrong moves first: nothing to dispatch, sign or verify yet
    expect((await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'unit', ownerUnit: unit.documentId })).status).toBe(
      409,
    );
    expect((await ownerMove(unit.jwt, id, 'sign')).status).toBe(404); // not dispatched to this unit (yet)
    expect((await staffMove(staff.c1, id, 'verify')).status).toBe(409);
    const accepted = await staffMove(staff.c1, id, 'accept');
    expect(accepted.body.data.status).toBe('accepted');
    const twice = await staffMove(staff.c1, id, 'accept');
    expect([twice.status, field(twice)]).toEqual([409, 'status']);

    const bad = await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'unit' });
    expect([bad.status, field(bad)]).toEqual([400, 'ownerUnit']);
    const noName = await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'property' });
    expect([noName.status, field(noName)]).toEqual([400, 'ownerName']);
    const d = await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'unit', ownerUnit: unit.documentId });
    expect(d.status).toBe(200);
    expect(d.body.data).toMatchObject({
      status: 'dispatched',
      owner: { kind: 'unit', name: unit.name },
      urgency: 'ok',
    });
    expect(d.body.data.dueAt).toBeTruthy();

    // another unit sees nothing; the owner cannot skip signing
    expect((await ownerMove(otherUnit.jwt, id, 'sign')).status).toBe(404);
    const skip = await ownerMove(unit.jwt, id, 'handle', { result: 'x' });
    expect([skip.status, field(skip)]).toEqual([409, 'status']);
    expect((await ownerMove(unit.jwt, id, 'sign')).body.data.status).toBe('signed');
    expect((await ownerMove(unit.jwt, id, 'start')).body.data.status).toBe('handling');

    // 申请延期 before the deadline, approved by the dispatcher: the deadline moves by working days
    const badExt = await ownerMove(unit.jwt, id, 'extension', { days: 0, reason: '等配件' });
    expect([badExt.status, field(badExt)]).toEqual([400, 'days']);
    const ext = await ownerMove(unit.jwt, id, 'extension', { days: 2, reason: '等配件' });
    expect(ext.body.data.extension).toEqual({ status: 'requested', days: 2, reason: '等配件' });
    expect((await ownerMove(unit.jwt, id, 'extension', { days: 2, reason: '再等' })).status).toBe(409);
    const ok = await staffMove(staff.c1, id, 'extension', { approve: true });
    expect(ok.body.data.extension.status).toBe('granted');
    expect(new Date(ok.body.data.dueAt).getTime()).toBeGreaterThan(new Date(d.body.data.dueAt).getTime());
    expect((await staffMove(staff.c1, id, 'extension', { approve: false })).status).toBe(409);

    const h = await ownerMove(unit.jwt, id, 'handle', { result: '已清理' });
    expect(h.body.data).toMatchObject({ status: 'handled', result: '已清理', handledOnTime: true });
    // 核查 fails: back to the owner, with a reason
    const noReason = await staffMove(staff.c1, id, 'send-back', {});
    expect([noReason.status, field(noReason)]).toEqual([400, 'reason']);
    expect((await staffMove(staff.c1, id, 'send-back', { reason: '仍有杂物' })).body.data.status).toBe('handling');
    expect((await ownerMove(unit.jwt, id, 'handle', { result: '已彻底清理' })).body.data.status).toBe('handled');
    expect((await staffMove(staff.c1, id, 'archive')).status).toBe(409);
    expect((await staffMove(staff.c1, id, 'verify')).body.data.status).toBe('verified');

    // 回访 by the reporter only
    const notMine = await http()
      .post(`${P}/cases/${id}/rating`)
      .set(bearer(neighbour.jwt))
      .send({ satisfaction: 'satisfied' });
    expect(notMine.status).toBe(404);
    const badRate = await http().post(`${P}/cases/${id}/rating`).set(bearer(worker.jwt)).send({ satisfaction: 'meh' });
    expect([badRate.status, field(badRate)]).toEqual([400, 'satisfaction']);
    const rated = await http()
      .post(`${P}/cases/${id}/rating`)
      .set(bearer(worker.jwt))
      .send({ satisfaction: 'satisfied' });
    expect(rated.body.data).toMatchObject({ status: 'rated', satisfaction: 'satisfied' });
    const archived = await staffMove(staff.c1, id, 'archive');
    expect(archived.body.data.status).toBe('archived');

    const staffView = await http().get(`${A}/cases/${id}`).set(bearer(staff.c1));
    expect(staffView.body.data.history.map((s: any) => s.action)).toEqual([
      'report',
      'accept',
      'dispatch',
      'sign',
      'start',
      'extension_requested',
      'extension_approved',
      'handle',
      'sendBack',
      'handle',
      'verify',
      'rate',
      'archive',
    ]);
    expect(staffView.body.data.history[1].actorKind).toBe('staff');
  });

  it('退回 needs a reason and ends the case', async () => {
    const r = await report(worker.jwt, body({ title: '不属于本社区的事' }));
    const id = r.body.data.documentId;
    expect((await staffMove(staff.c1, id, 'return', {})).status).toBe(400);
    const back = await staffMove(staff.c1, id, 'return', { reason: '请联系物业' });
    expect(back.body.data).toMatchObject({ status: 'returned', returnReason: '请联系物业' });
    expect((await staffMove(staff.c1, id, 'accept')).status).toBe(409);
  });

  it('不满意 reopens the case once; the second 不满意 is archived with its rating', async () => {
    const id = await dispatched({ title: '下水道堵塞' });
    await handled(id);
    await staffMove(staff.c1, id, 'verify');
    const first = await http()
      .post(`${P}/cases/${id}/rating`)
      .set(bearer(worker.jwt))
      .send({ satisfaction: 'dissatisfied' });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({
      status: 'dispatched',
      reopened: true,
      satisfaction: 'dissatisfied',
      signedAt: null,
    });
    await handled(id, '重新疏通');
    await staffMove(staff.c1, id, 'verify');
    const second = await http()
      .post(`${P}/cases/${id}/rating`)
      .set(bearer(worker.jwt))
      .send({ satisfaction: 'dissatisfied' });
    expect(second.body.data).toMatchObject({ status: 'rated', reopened: true, satisfaction: 'dissatisfied' });
    const archived = await staffMove(staff.c1, id, 'archive');
    expect(archived.body.data).toMatchObject({ status: 'archived', satisfaction: 'dissatisfied' });
    const pub = await http().get(`${P}/cases/${id}`);
    expect(pub.body.data.history.map((s: any) => s.action)).toContain('reopen');
  });
});

describe('代为登记: an owner without an account', () => {
  it('staff record a department’s 签收, 处置 and 办结; a unit records its own; nobody outside', async () => {
    const r = await report(worker.jwt, body({ title: '人行道砖松动', lat: 35.41, lng: 114.41 }));
    const id = r.body.data.documentId as string;
    expect((await staffMove(staff.c1, id, 'accept')).status).toBe(200);
    const d = await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'department', ownerName: '尉氏县城市管理局' });
    expect(d.status).toBe(200);

    // out of order: 409 naming the status, nothing written
    const early = await staffMove(staff.c1, id, 'handle', { result: '已修复' });
    expect([early.status, field(early)]).toEqual([409, 'status']);
    // a result is required at 办结 (400 naming it), and another community's staff may not record
    expect((await staffMove(staff.c1, id, 'sign')).status).toBe(200);
    expect((await staffMove(staff.c1, id, 'start')).status).toBe(200);
    const empty = await staffMove(staff.c1, id, 'handle', {});
    expect([empty.status, field(empty)]).toEqual([400, 'result']);
    expect((await staffMove(outsider, id, 'handle', { result: '已修复' })).status).toBe(403);
    const done = await staffMove(staff.c1, id, 'handle', { result: '已重新铺设人行道砖' });
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({ status: 'handled', result: '已重新铺设人行道砖' });

    const detail = (await http().get(`${A}/cases/${id}`).set(bearer(staff.c1))).body.data;
    const steps = detail.history.filter((e: any) => ['sign', 'start', 'handle'].includes(e.action));
    expect(steps).toHaveLength(3);
    for (const e of steps) expect([e.actorKind, e.reason]).toEqual(['staff', '代为登记（承办方无系统账号）']);

    // a reporting unit has its account: staff do not write its steps
    const own = await dispatched({ title: '单位承办', lat: 35.42, lng: 114.42 });
    const refused = await staffMove(staff.c1, own, 'sign');
    expect([refused.status, field(refused)]).toEqual([409, 'ownerKind']);
    expect((await http().get(`${A}/cases/${own}`).set(bearer(staff.c1))).body.data.status).toBe('dispatched');
  });
});

describe('派单 defaults', () => {
  it('without an owner, dispatches to the category’s usual owner; a category without one needs ownerKind', async () => {
    const withDefault = await category(0, { defaultOwnerKind: 'property', defaultOwnerName: '红色物业服务中心' });
    const r = await report(
      worker.jwt,
      body({ title: '电梯停运', category: withDefault.documentId, lat: 36.1, lng: 115 }),
    );
    const id = r.body.data.documentId;
    await staffMove(staff.c1, id, 'accept');
    const d = await staffMove(staff.c1, id, 'dispatch', {});
    expect(d.body.data.owner).toEqual({ kind: 'property', name: '红色物业服务中心', unit: null, account: null });
    // 当日: the deadline is the end of a Shanghai day
    expect(d.body.data.dueAt.endsWith('15:59:59.999Z')).toBe(true);

    const plain = await report(worker.jwt, body({ title: '无默认承办方', lat: 36.2, lng: 115 }));
    await staffMove(staff.c1, plain.body.data.documentId, 'accept');
    const refused = await staffMove(staff.c1, plain.body.data.documentId, 'dispatch', {});
    expect([refused.status, field(refused)]).toEqual([400, 'ownerKind']);
  });
});

describe('deadlines on the working-day calendar', () => {
  it('counts working days across a weekend, a holiday and a 调休 Saturday', async () => {
    // The next two working days become holidays, the first Saturday after them a working day.
    const rows: Array<{ date: string; kind: DayKind }> = [];
    let day = Date.now();
    while (rows.filter((r) => r.kind === 'holiday').length < 2) {
      day += 86_400_000;
      const date = shanghaiDate(new Date(day));
      if (isWorkingDay(date, holidayTable([]))) rows.push({ date, kind: 'holiday' });
    }
    while (new Date(`${shanghaiDate(new Date(day))}T00:00:00Z`).getUTCDay() !== 6) day += 86_400_000;
    rows.push({ date: shanghaiDate(new Date(day)), kind: 'workday' });
    for (const r of rows)
      await strapi()
        .documents('plugin::grid-cases.holiday' as any)
        .create({ data: { ...r, name: '测试' } as any });

    const id = await dispatched({ title: '路面坑洼', lat: 35.5, lng: 114.5 });
    const view = await http().get(`${A}/cases/${id}`).set(bearer(staff.c1));
    const from = new Date(view.body.data.dispatchedAt);
    const expected = addWorkingDays(from, 3, holidayTable(rows));
    expect(view.body.data.dueAt).toBe(expected.toISOString());
    // the holidays pushed the deadline later than weekends alone would
    expect(expected.getTime()).toBeGreaterThan(addWorkingDays(from, 3, holidayTable([])).getTime());
    // and the deadline falls on a working day, at its end (23:59:59.999 in Shanghai)
    expect(isWorkingDay(shanghaiDate(expected), holidayTable(rows))).toBe(true);
    expect(expected.toISOString().endsWith('15:59:59.999Z')).toBe(true);
  });

  it('督办台 lists running cases by deadline with each owner’s load', async () => {
    const res = await http().get(`${A}/supervision`).set(bearer(staff.c1));
    expect(res.status).toBe(200);
    const dues = res.body.data.cases.map((c: any) => c.dueAt);
    expect(dues).toEqual([...dues].sort());
    expect(res.body.data.owners[0]).toMatchObject({ owner: expect.any(String), running: expect.any(Number) });
  });
});

describe('escalation and merging', () => {
  it('上报街道 creates a linked street case that only the street (or above) dispatches', async () => {
    const r = await report(worker.jwt, body({ title: '跨社区道路积水', lat: 35.6, lng: 114.6 }));
    const id = r.body.data.documentId;
    await staffMove(staff.c1, id, 'accept');
    const up = await staffMove(staff.c1, id, 'escalate', { reason: '需街道协调' });
    expect(up.status).toBe(201);
    expect(up.body.data).toMatchObject({ level: 'street', status: 'accepted', parent: id });
    const child = up.body.data.documentId;
    expect((await http().get(`${A}/cases/${id}`).set(bearer(staff.c1))).body.data.status).toBe('escalated');
    const low = await staffMove(staff.c1, child, 'dispatch', { ownerKind: 'department', ownerName: '县住建局' });
    expect([low.status, field(low)]).toEqual([403, 'level']);
    const d = await staffMove(staff.street, child, 'dispatch', { ownerKind: 'department', ownerName: '县住建局' });
    expect(d.body.data).toMatchObject({
      status: 'dispatched',
      owner: { kind: 'department', name: '县住建局', unit: null },
    });
    const again = await staffMove(staff.street, child, 'escalate', { reason: '需县级协调' });
    expect(again.body.data.level).toBe('county');
    const top = await staffMove(staff.county, again.body.data.documentId, 'escalate', { reason: '再上报' });
    expect([top.status, field(top)]).toEqual([409, 'level']);
  });

  it('受理台 offers a case of the same category within 50 m as a duplicate; merging hides it from the public list', async () => {
    const here = { lat: 35.7, lng: 114.7 };
    const a = await report(worker.jwt, body({ title: '井盖松动', ...here }));
    const b = await report(neighbour.jwt, body({ title: '井盖响', lat: here.lat + 0.0002, lng: here.lng }));
    const far = await report(neighbour.jwt, body({ title: '远处井盖', lat: here.lat + 0.01, lng: here.lng }));
    // 120 m north: the same street corner to a resident, not the same manhole (the coordinates keep metres)
    const near = await report(neighbour.jwt, body({ title: '对面井盖', lat: here.lat + 0.0011, lng: here.lng }));
    const intake = await http().get(`${A}/intake`).set(bearer(staff.c1));
    expect(intake.status).toBe(200);
    const rowB = intake.body.data.find((c: any) => c.documentId === b.body.data.documentId);
    expect(rowB.possibleDuplicates.map((d: any) => d.documentId)).toContain(a.body.data.documentId);
    expect(rowB.possibleDuplicates.map((d: any) => d.documentId)).not.toContain(far.body.data.documentId);
    expect(rowB.possibleDuplicates.map((d: any) => d.documentId)).not.toContain(near.body.data.documentId);
    expect(rowB.possibleDuplicates[0].metres).toBeGreaterThan(15);
    expect(rowB.possibleDuplicates[0].metres).toBeLessThanOrEqual(50);

    expect((await staffMove(staff.c1, b.body.data.documentId, 'merge', { into: b.body.data.documentId })).status).toBe(
      400,
    );
    const m = await staffMove(staff.c1, b.body.data.documentId, 'merge', { into: a.body.data.documentId });
    expect(m.body.data).toMatchObject({ status: 'merged', mergedInto: a.body.data.documentId });
    const list = await http().get(`${P}/cases?pageSize=100`);
    const ids = list.body.data.map((c: any) => c.documentId);
    expect(ids).toContain(a.body.data.documentId);
    expect(ids).not.toContain(b.body.data.documentId);
    const detail = await http().get(`${P}/cases/${b.body.data.documentId}`);
    expect(detail.body.data.mergedInto).toBe(a.body.data.documentId);
  });
});

describe('public status pages', () => {
  it('show cases and their history without any personal data', async () => {
    const list = await http().get(`${P}/cases?pageSize=100`);
    expect(list.status).toBe(200);
    expect(list.body.meta.pagination.total).toBeGreaterThan(0);
    const text = JSON.stringify(list.body);
    expect(text).not.toContain('13912345678');
    for (const c of list.body.data) {
      for (const k of ['reporter', 'reporterContact', 'lat', 'lng', 'building', 'clientKey'])
        expect(c).not.toHaveProperty(k);
    }
    const detail = await http().get(`${P}/cases/${list.body.data[0].documentId}`);
    expect(detail.status).toBe(200);
    for (const step of detail.body.data.history) {
      expect(step).not.toHaveProperty('actorId');
      expect(step).not.toHaveProperty('actorKind');
    }
    expect(JSON.stringify(detail.body)).not.toContain('@test.local');
    expect((await http().get(`${P}/cases/nope`)).status).toBe(404);
    const bad = await http().get(`${P}/cases?pageSize=1000`);
    expect([bad.status, field(bad)]).toEqual([400, 'pageSize']);
  });
});

describe('public cache', () => {
  it('a move is seen on the next public read (the cached copy is invalidated in the move’s transaction)', async () => {
    const r = await report(worker.jwt, body({ title: '缓存可见', lat: 35.9, lng: 114.9 }));
    const id = r.body.data.documentId;
    const before = await http().get(`${P}/cases/${id}`);
    expect(before.body.data.status).toBe('reported');
    const etag = before.headers.etag;
    const list = await http().get(`${P}/cases?status=reported&pageSize=100`);
    expect(list.body.data.map((c: any) => c.documentId)).toContain(id);
    await staffMove(staff.c1, id, 'accept');
    const after = await http()
      .get(`${P}/cases/${id}`)
      .set(etag ? { 'If-None-Match': etag } : {});
    expect(after.status).toBe(200);
    expect(after.body.data.status).toBe('accepted');
    expect(after.body.data.history.map((s: any) => s.action)).toEqual(['report', 'accept']);
    const again = await http().get(`${P}/cases?status=reported&pageSize=100`);
    expect(again.body.data.map((c: any) => c.documentId)).not.toContain(id);
  });
});

describe('staff scope', () => {
  it('refuses staff of another organisation before anything is written', async () => {
    const r = await report(worker.jwt, body({ title: '他区不可见', lat: 35.8, lng: 114.8 }));
    const id = r.body.data.documentId;
    const events = await countEvents();
    const res = await staffMove(outsider, id, 'accept');
    expect([res.status, field(res)]).toEqual([403, 'case']);
    expect(await countEvents()).toBe(events);
    expect((await http().get(`${A}/cases/${id}`).set(bearer(outsider))).status).toBe(404);
    const intake = await http().get(`${A}/intake`).set(bearer(outsider));
    expect(intake.body.data.map((c: any) => c.documentId)).not.toContain(id);
    expect((await http().get(`${A}/intake`)).status).toBe(401);
  });
});

describe('三率 figures', () => {
  it('counts responded, resolved and satisfied per community, grid, street, owner and category in one statement', async () => {
    const today = shanghaiDate(new Date());
    const q = (by: string, token = staff.county) =>
      http()
        .get(`${A}/figures?by=${by}&from=2026-01-01&to=${today > '2026-12-31' ? today : '2026-12-31'}`)
        .set(bearer(token));
    const res = await q('community');
    expect(res.status).toBe(200);
    const c1 = res.body.data.find((r: any) => r.key === w.c1.documentId);
    expect(c1).toMatchObject({ name: w.c1.name });
    expect(c1.reported).toBeGreaterThanOrEqual(8);
    expect(c1.archived).toBe(2);
    expect(c1.rated).toBe(2);
    expect(c1.satisfied).toBe(1);
    expect(c1.satisfactionRate).toBe(0.5);
    expect(c1.responded).toBeGreaterThanOrEqual(2);
    for (const by of ['grid', 'street', 'owner', 'category']) {
      const r = await q(by);
      expect([by, r.status]).toEqual([by, 200]);
      expect(r.body.data.reduce((n: number, row: any) => n + row.reported, 0)).toBe(
        res.body.data.reduce((n: number, row: any) => n + row.reported, 0),
      );
    }
    const owner = (await q('owner')).body.data.find((r: any) => r.name === unit.name);
    expect(owner.key).toBe('unit');
    const outside = await q('community', outsider);
    expect(outside.body.data.find((r: any) => r.key === w.c1.documentId)).toBeUndefined();
    const bad = await http().get(`${A}/figures?by=planet&from=2026-01-01&to=2026-12-31`).set(bearer(staff.county));
    expect([bad.status, field(bad)]).toEqual([400, 'by']);
  });
});
