import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { CM, buildWorld, staffAt, worldStaff, type World } from '../scoping/fixtures';
import { A, P, category, gridWorker, ownerMove, ownerUnit, report, staffMove } from './fixtures';

/**
 * 事项目录与工作日历 through the staff routes: the catalogue page lists, creates and edits categories,
 * the calendar page adds and removes days; bad input is a 400 naming the field with nothing written,
 * a day already in the table a 409; staff without the `catalogue` action cannot write. The export of
 * 三率 and the unit picker of 派单 are here too (routes of the same pages).
 */
let w: World;
let staff: { c1: string; street: string; county: string };
let author: string;
const field = (res: any) => res.body?.error?.details?.errors?.[0]?.path?.join('.');
const countHolidays = () =>
  strapi()
    .db.query('plugin::grid-cases.holiday' as any)
    .count({});
const countCategories = () =>
  strapi()
    .db.query('plugin::grid-cases.case-category' as any)
    .count({});

beforeAll(async () => {
  await setupStrapi();
  w = await buildWorld();
  staff = await worldStaff(w);
  author = (await createAdmin('strapi-author')).token;
});
afterAll(teardownStrapi);

describe('事项目录 categories', () => {
  it('staff create a category, see it listed, and edit its limit and default owner', async () => {
    const created = await http()
      .post(`${A}/catalogue/categories`)
      .set(bearer(staff.county))
      .send({ name: '路灯维修', timeLimitDays: 3, defaultOwnerKind: 'property', defaultOwnerName: '卫城物业' });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name: '路灯维修', timeLimitDays: 3, active: true });
    const id = created.body.data.documentId;
    const edited = await http()
      .put(`${A}/catalogue/categories/${id}`)
      .set(bearer(staff.county))
      .send({ timeLimitDays: 0, active: false });
    expect(edited.status).toBe(200);
    const list = await http().get(`${A}/catalogue/categories`).set(bearer(staff.street));
    expect(list.status).toBe(200);
    expect(list.body.data.find((c: any) => c.documentId === id)).toMatchObject({
      name: '路灯维修',
      timeLimitDays: 0,
      defaultOwnerKind: 'property',
      defaultOwnerName: '卫城物业',
      active: false,
    });
  });

  it('refuses bad input with a 400 naming the field and writes nothing', async () => {
    const before = await countCategories();
    for (const [body, name] of [
      [{ timeLimitDays: 3 }, 'name'],
      [{ name: '井盖', timeLimitDays: -1 }, 'timeLimitDays'],
      [{ name: '井盖', timeLimitDays: 1.5 }, 'timeLimitDays'],
      [{ name: '井盖', timeLimitDays: 3, defaultOwnerKind: 'cousin' }, 'defaultOwnerKind'],
    ] as Array<[Record<string, unknown>, string]>) {
      const res = await http().post(`${A}/catalogue/categories`).set(bearer(staff.county)).send(body);
      expect([name, res.status, field(res)]).toEqual([name, 400, name]);
    }
    expect(await countCategories()).toBe(before);
    const missing = await http()
      .put(`${A}/catalogue/categories/nope`)
      .set(bearer(staff.county))
      .send({ active: false });
    expect(missing.status).toBe(404);
  });

  it('an admin without the catalogue action may not write it', async () => {
    const res = await http()
      .post(`${A}/catalogue/categories`)
      .set(bearer(author))
      .send({ name: 'x', timeLimitDays: 1 });
    expect(res.status).toBe(403);
  });

  it("the catalogue is the county's: community and street staff read it but may not write it, not even in the Content Manager", async () => {
    const before = [await countCategories(), await countHolidays()];
    for (const who of [staff.c1, staff.street]) {
      expect((await http().get(`${A}/catalogue/categories`).set(bearer(who))).status).toBe(200);
      expect((await http().get(`${A}/catalogue/holidays?from=2027-10-01&to=2027-10-31`).set(bearer(who))).status).toBe(
        200,
      );
      const day = await http()
        .post(`${A}/catalogue/holidays`)
        .set(bearer(who))
        .send({ date: '2027-11-11', kind: 'holiday' });
      expect(day.status).toBe(403);
      const cat = await http()
        .post(`${A}/catalogue/categories`)
        .set(bearer(who))
        .send({ name: '社区类别', timeLimitDays: 1 });
      expect(cat.status).toBe(403);
      const cmDay = await http()
        .post(`${CM}/plugin::grid-cases.holiday`)
        .set(bearer(who))
        .send({ date: '2027-11-11', kind: 'holiday' });
      expect(cmDay.status).toBe(403);
      const cmCat = await http()
        .post(`${CM}/plugin::grid-cases.case-category`)
        .set(bearer(who))
        .send({ name: '社区类别', timeLimitDays: 1, active: true });
      expect(cmCat.status).toBe(403);
    }
    expect([await countCategories(), await countHolidays()]).toEqual(before);
    // community staff still read them in the Content Manager, like the cases
    expect((await http().get(`${CM}/plugin::grid-cases.holiday`).set(bearer(staff.c1))).status).toBe(200);
    // the county adds the same day
    const county = await http()
      .post(`${A}/catalogue/holidays`)
      .set(bearer(staff.county))
      .send({ date: '2027-11-11', kind: 'holiday' });
    expect(county.status).toBe(201);
    expect(await countHolidays()).toBe(before[1] + 1);
    expect((await http().delete(`${A}/catalogue/holidays/2027-11-11`).set(bearer(staff.county))).status).toBe(200);
  });
});

describe('工作日历 holidays', () => {
  it('adds a day, lists it in its month, refuses the same day again (409), removes it', async () => {
    const add = await http()
      .post(`${A}/catalogue/holidays`)
      .set(bearer(staff.county))
      .send({ date: '2027-10-01', kind: 'holiday', name: '国庆节' });
    expect(add.status).toBe(201);
    expect(add.body.data).toMatchObject({ date: '2027-10-01', kind: 'holiday', name: '国庆节' });
    const again = await http()
      .post(`${A}/catalogue/holidays`)
      .set(bearer(staff.county))
      .send({ date: '2027-10-01', kind: 'workday' });
    expect([again.status, field(again)]).toEqual([409, 'date']);
    const month = await http().get(`${A}/catalogue/holidays?from=2027-10-01&to=2027-10-31`).set(bearer(staff.county));
    expect(month.body.data).toEqual([expect.objectContaining({ date: '2027-10-01', kind: 'holiday', name: '国庆节' })]);
    const gone = await http().delete(`${A}/catalogue/holidays/2027-10-01`).set(bearer(staff.county));
    expect(gone.status).toBe(200);
    const after = await http().get(`${A}/catalogue/holidays?from=2027-10-01&to=2027-10-31`).set(bearer(staff.county));
    expect(after.body.data).toEqual([]);
    expect((await http().delete(`${A}/catalogue/holidays/2027-10-01`).set(bearer(staff.county))).status).toBe(404);
  });

  it('the same day sent twice at once: one 201, one 409, one row', async () => {
    const send = () =>
      http().post(`${A}/catalogue/holidays`).set(bearer(staff.county)).send({ date: '2027-05-01', kind: 'holiday' });
    const statuses = (await Promise.all([send(), send()])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    expect(
      await strapi()
        .db.query('plugin::grid-cases.holiday' as any)
        .count({ where: { date: '2027-05-01' } }),
    ).toBe(1);
  });

  it('refuses bad days with a 400 naming the field and writes nothing', async () => {
    const before = await countHolidays();
    for (const [body, name] of [
      [{ date: '2027/10/02', kind: 'holiday' }, 'date'],
      [{ kind: 'holiday' }, 'date'],
      [{ date: '2027-10-02', kind: 'weekend' }, 'kind'],
      [{ date: '2027-10-02', kind: 'holiday', name: 'x'.repeat(61) }, 'name'],
    ] as Array<[Record<string, unknown>, string]>) {
      const res = await http().post(`${A}/catalogue/holidays`).set(bearer(staff.county)).send(body);
      expect([name, res.status, field(res)]).toEqual([name, 400, name]);
    }
    expect(await countHolidays()).toBe(before);
    const bad = await http().get(`${A}/catalogue/holidays?from=2027-10&to=2027-10-31`).set(bearer(staff.county));
    expect([bad.status, field(bad)]).toEqual([400, 'from']);
  });

  it('a holiday added on the page moves the deadline of the next dispatch', async () => {
    // Monday 2027-03-01 + 1 working day is Tuesday; with Tuesday a holiday it is Wednesday.
    await http()
      .post(`${A}/catalogue/holidays`)
      .set(bearer(staff.county))
      .send({ date: '2027-03-02', kind: 'holiday', name: '测试假日' });
    const due = await strapi().plugin('grid-cases').service('calendar').due(new Date('2027-03-01T02:00:00Z'), 1);
    expect(due.toISOString()).toBe('2027-03-03T15:59:59.999Z');
  });
});

describe('三率 export and the unit picker', () => {
  it('the figures download as CSV with Chinese headers and the row of the grid', async () => {
    const worker = await gridWorker(w.c1.grids[0]);
    const cat = await category(3);
    const r = await report(worker.jwt, {
      title: '=HYPERLINK("x")',
      description: '测试',
      category: cat.documentId,
      source: 'grid_patrol',
      grid: w.c1.grids[0].documentId,
    });
    expect(r.status).toBe(201);
    expect((await staffMove(staff.c1, r.body.data.documentId, 'accept')).status).toBe(200);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const res = await http()
      .get(`${A}/figures?by=grid&from=${today}&to=${today}&format=csv`)
      .set(bearer(staff.c1))
      .buffer(true)
      .parse((resp, cb) => {
        let text = '';
        resp.setEncoding('utf8');
        resp.on('data', (c: string) => (text += c));
        resp.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = String(res.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('网格');
    expect(lines[0]).toContain('响应率（%）');
    expect(lines.some((l) => l.startsWith(w.c1.grids[0].name))).toBe(true);
    const xlsx = await http().get(`${A}/figures?by=grid&from=${today}&to=${today}&format=xlsx`).set(bearer(staff.c1));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const bad = await http().get(`${A}/figures?by=grid&from=${today}&to=${today}&format=pdf`).set(bearer(staff.c1));
    expect([bad.status, field(bad)]).toEqual([400, 'format']);
  });

  it('the unit picker lists the units of the caller organisation only', async () => {
    const docs = (uid: string) => strapi().documents(uid as any) as any;
    const mine = await docs('plugin::double-report.unit').create({
      data: { name: '甲社区报到单位', community: w.c1.documentId },
    });
    const theirs = await docs('plugin::double-report.unit').create({
      data: { name: '丙社区报到单位', community: w.c3.documentId },
    });
    const res = await http().get(`${A}/units`).set(bearer(staff.c1));
    expect(res.status).toBe(200);
    const ids = res.body.data.map((u: any) => u.documentId);
    expect(ids).toContain(mine.documentId);
    expect(ids).not.toContain(theirs.documentId);
    const outsider = (await staffAt('community-staff', w.c3)).token;
    const theirList = await http().get(`${A}/units`).set(bearer(outsider));
    expect(theirList.body.data.map((u: any) => u.documentId)).toContain(theirs.documentId);
  });
});

describe('what the desks read besides the core answers', () => {
  const spot = { lat: 35.41, lng: 114.25 };
  let worker: { jwt: string; userId: number };
  let cat: any;
  const file = async (title: string) => {
    const r = await report(worker.jwt, {
      title,
      description: '测试',
      category: cat.documentId,
      source: 'residents',
      grid: w.c1.grids[0].documentId,
      ...spot,
    });
    expect(r.status).toBe(201);
    return r.body.data.documentId as string;
  };
  beforeAll(async () => {
    worker = await gridWorker(w.c1.grids[0]);
    cat = await category(2, { defaultOwnerKind: 'community', defaultOwnerName: '甲社区居委会' });
  });

  it('督办台 lists an accepted case under toDispatch until it is dispatched, then among the running ones', async () => {
    const id = await file('待派单的井盖');
    expect((await staffMove(staff.c1, id, 'accept')).status).toBe(200);
    const before = await http().get(`${A}/supervision`).set(bearer(staff.c1));
    expect(before.body.data.toDispatch.map((c: any) => c.documentId)).toContain(id);
    expect(before.body.data.cases.map((c: any) => c.documentId)).not.toContain(id);
    // another community's staff do not see it
    const outsider = (await staffAt('community-staff', w.c3)).token;
    const theirs = await http().get(`${A}/supervision`).set(bearer(outsider));
    expect(theirs.body.data.toDispatch.map((c: any) => c.documentId)).not.toContain(id);
    expect((await staffMove(staff.c1, id, 'dispatch')).status).toBe(200);
    const after = await http().get(`${A}/supervision`).set(bearer(staff.c1));
    expect(after.body.data.toDispatch.map((c: any) => c.documentId)).not.toContain(id);
    expect(after.body.data.cases.find((c: any) => c.documentId === id)).toMatchObject({
      status: 'dispatched',
      owner: { kind: 'community', name: '甲社区居委会' },
    });
  });

  it('受理台 answers the newest case first', async () => {
    const older = await file('先报的事项');
    const newer = await file('后报的事项');
    const desk = (await http().get(`${A}/intake`).set(bearer(staff.c1))).body.data.map((c: any) => c.documentId);
    expect(desk.indexOf(newer)).toBeGreaterThanOrEqual(0);
    expect(desk.indexOf(newer)).toBeLessThan(desk.indexOf(older));
  });

  it('the staff detail links both ends of 合并 and 上报', async () => {
    const original = await file('原事项');
    const duplicate = await file('重复事项');
    expect((await staffMove(staff.c1, duplicate, 'merge', { into: original })).status).toBe(200);
    const merged = await http().get(`${A}/cases/${original}`).set(bearer(staff.c1));
    expect(merged.body.data.mergedCases).toEqual([{ documentId: duplicate, title: '重复事项', status: 'merged' }]);
    expect((await http().get(`${A}/cases/${duplicate}`).set(bearer(staff.c1))).body.data.mergedInto).toBe(original);
    expect((await staffMove(staff.c1, original, 'accept')).status).toBe(200);
    const up = await staffMove(staff.c1, original, 'escalate', { reason: '需街道协调' });
    expect(up.status).toBe(201);
    const child = up.body.data.documentId;
    const detail = await http().get(`${A}/cases/${original}`).set(bearer(staff.c1));
    expect(detail.body.data.escalations).toEqual([{ documentId: child, title: '原事项', status: 'accepted' }]);
    expect((await http().get(`${A}/cases/${child}`).set(bearer(staff.street))).body.data.parent).toBe(original);
  });
});

describe('督办台: what waits for 核查 and 归档', () => {
  let worker: { jwt: string; userId: number };
  let unit: Awaited<ReturnType<typeof ownerUnit>>;
  const desk = async (token: string) => (await http().get(`${A}/supervision`).set(bearer(token))).body.data;
  const ids = (list: any[]) => list.map((c: any) => c.documentId);
  /** A case of a category with `days` working days, driven to handled by its unit. */
  const handledCase = async (title: string, days: number) => {
    const cat = await category(days);
    const r = await report(worker.jwt, {
      title,
      description: '测试',
      category: cat.documentId,
      source: 'grid_patrol',
      grid: w.c1.grids[0].documentId,
    });
    expect(r.status).toBe(201);
    const id = r.body.data.documentId as string;
    expect((await staffMove(staff.c1, id, 'accept')).status).toBe(200);
    const d = await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'unit', ownerUnit: unit.documentId });
    expect(d.status).toBe(200);
    for (const step of ['sign', 'start']) expect((await ownerMove(unit.jwt, id, step)).status).toBe(200);
    expect((await ownerMove(unit.jwt, id, 'handle', { result: '已处理' })).status).toBe(200);
    return id;
  };
  beforeAll(async () => {
    worker = await gridWorker(w.c1.grids[0]);
    unit = await ownerUnit(w.c1);
  });

  it('a handled case waits under toVerify (newest deadline first) until verified or sent back; a rated one under toArchive until archived', async () => {
    const soon = await handledCase('两天办结的事项', 2);
    const later = await handledCase('十天办结的事项', 10);
    const before = await desk(staff.c1);
    const verify = ids(before.toVerify);
    expect(verify).toEqual(expect.arrayContaining([soon, later]));
    expect(verify.indexOf(later)).toBeLessThan(verify.indexOf(soon));
    expect(ids(before.cases)).not.toContain(soon);
    expect(before.toVerify.find((c: any) => c.documentId === soon)).toMatchObject({
      status: 'handled',
      result: '已处理',
      owner: { kind: 'unit', name: unit.name },
    });
    // another community's staff do not see them
    const outsider = (await staffAt('community-staff', w.c3)).token;
    expect(ids((await desk(outsider)).toVerify)).not.toContain(soon);

    // 退回处置: back among the running cases
    expect((await staffMove(staff.c1, later, 'send-back', { reason: '照片不清楚' })).status).toBe(200);
    // 核查
    expect((await staffMove(staff.c1, soon, 'verify')).status).toBe(200);
    const checked = await desk(staff.c1);
    expect(ids(checked.toVerify)).not.toContain(soon);
    expect(ids(checked.toVerify)).not.toContain(later);
    expect(ids(checked.cases)).toContain(later);
    expect(ids(checked.toArchive)).not.toContain(soon);

    // 回访 by the reporter, then 归档
    const rated = await http()
      .post(`${P}/cases/${soon}/rating`)
      .set(bearer(worker.jwt))
      .send({ satisfaction: 'satisfied' });
    expect(rated.status).toBe(200);
    const toArchive = (await desk(staff.c1)).toArchive;
    expect(toArchive.find((c: any) => c.documentId === soon)).toMatchObject({
      status: 'rated',
      satisfaction: 'satisfied',
    });
    expect(ids((await desk(outsider)).toArchive)).not.toContain(soon);
    expect((await staffMove(staff.c1, soon, 'archive')).status).toBe(200);
    expect(ids((await desk(staff.c1)).toArchive)).not.toContain(soon);
  });

  it("the staff detail of a reported case offers the 受理台's possible duplicates for 合并; a running one none", async () => {
    const cat = await category(2);
    const spot = { lat: 35.42, lng: 114.26 };
    const file = async (title: string, at = spot) => {
      const r = await report(worker.jwt, {
        title,
        description: '测试',
        category: cat.documentId,
        source: 'residents',
        grid: w.c1.grids[0].documentId,
        ...at,
      });
      expect(r.status).toBe(201);
      return r.body.data.documentId as string;
    };
    const original = await file('路面塌陷');
    const again = await file('路面塌陷（再报）');
    const far = await file('远处的路面塌陷', { lat: 35.43, lng: 114.26 });
    const detail = (await http().get(`${A}/cases/${again}`).set(bearer(staff.c1))).body.data;
    const intake = (await http().get(`${A}/intake`).set(bearer(staff.c1))).body.data;
    expect(detail.possibleDuplicates).toEqual(intake.find((c: any) => c.documentId === again).possibleDuplicates);
    expect(ids(detail.possibleDuplicates)).toContain(original);
    expect(ids(detail.possibleDuplicates)).not.toContain(far);
    expect(detail.possibleDuplicates.find((d: any) => d.documentId === original)).toMatchObject({
      title: '路面塌陷',
      status: 'reported',
      metres: 0,
    });
    // merged through the picker's choice, it folds into the original
    expect((await staffMove(staff.c1, again, 'merge', { into: original })).status).toBe(200);
    expect((await staffMove(staff.c1, original, 'accept')).status).toBe(200);
    expect(
      (await staffMove(staff.c1, original, 'dispatch', { ownerKind: 'unit', ownerUnit: unit.documentId })).status,
    ).toBe(200);
    const running = (await http().get(`${A}/cases/${original}`).set(bearer(staff.c1))).body.data;
    expect(running.possibleDuplicates).toBeUndefined();
  });
});
