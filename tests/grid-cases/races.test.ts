import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { bearer } from '../helpers/auth';
import { burst, describePg, oneWinner } from '../races/helpers';
import { buildWorld, worldStaff, type World } from '../scoping/fixtures';
import { P, category, countCases, gridWorker, ownerAccount, ownerMove, ownerUnit, report, staffMove } from './fixtures';

/**
 * Concurrent moves on PostgreSQL (SQLite has one writer: there two requests never overlap, so the
 * file is skipped there): every move is a conditional write, so of two at once one wins, the other
 * gets a 409 and writes nothing, never a 500.
 */
let w: World;
let staff: { c1: string; street: string; county: string };
let worker: { jwt: string; userId: number };
let unit: { documentId: string; name: string; jwt: string };
let cat: any;
let department: Awaited<ReturnType<typeof ownerAccount>>;

const body = (title: string) => ({
  title,
  description: '并发测试',
  category: cat.documentId,
  source: 'grid_patrol',
  grid: w.c1.grids[0].documentId,
});
const events = (id: string) =>
  http()
    .get(`/grid-cases/cases/${id}`)
    .set(bearer(staff.c1))
    .then((r) => r.body.data.history.map((s: any) => s.action));

describePg('grid-cases under concurrency (PostgreSQL)', () => {
  beforeAll(async () => {
    await setupStrapi();
    w = await buildWorld();
    staff = await worldStaff(w);
    worker = await gridWorker(w.c1.grids[0]);
    unit = await ownerUnit(w.c1);
    cat = await category(2);
    department = await ownerAccount('department', w.county);
  });
  afterAll(teardownStrapi);

  it('two staff accepting at once: one wins, one 409, one event', async () => {
    const id = (await report(worker.jwt, body('并发受理'))).body.data.documentId;
    oneWinner(await burst(4, () => staffMove(staff.c1, id, 'accept')));
    expect((await events(id)).filter((a: string) => a === 'accept')).toHaveLength(1);
  });

  it('accept against return at once: exactly one of them happens', async () => {
    const id = (await report(worker.jwt, body('受理与退回'))).body.data.documentId;
    const [a, b] = await Promise.all([
      staffMove(staff.c1, id, 'accept'),
      staffMove(staff.street, id, 'return', { reason: '不属于本辖区' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await events(id)).filter((x: string) => x === 'accept' || x === 'return')).toHaveLength(1);
  });

  it('an owner signing twice at once, and two ratings at once', async () => {
    const id = (await report(worker.jwt, body('并发签收'))).body.data.documentId;
    await staffMove(staff.c1, id, 'accept');
    await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'unit', ownerUnit: unit.documentId });
    oneWinner(await burst(3, () => ownerMove(unit.jwt, id, 'sign')));
    await ownerMove(unit.jwt, id, 'start');
    await ownerMove(unit.jwt, id, 'handle', { result: '完成' });
    await staffMove(staff.c1, id, 'verify');
    const ratings = await burst(3, (i) =>
      http()
        .post(`${P}/cases/${id}/rating`)
        .set(bearer(worker.jwt))
        .send({ satisfaction: i === 0 ? 'dissatisfied' : 'satisfied' }),
    );
    oneWinner(ratings);
    expect((await events(id)).filter((x: string) => x === 'rate')).toHaveLength(1);
  });

  it('one Idempotency-Key sent three times at once makes one case', async () => {
    const before = await countCases();
    const answers = await burst(3, () => report(worker.jwt, body('重复提交'), 'race-key'));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of answers) expect([200, 201, 409]).toContain(r.status);
    expect(await countCases()).toBe(before + 1);
  });

  it('two staff recording the same 代为登记 step at once: one 200, one 409, one event', async () => {
    const id = (await report(worker.jwt, body('并发代为登记'))).body.data.documentId;
    await staffMove(staff.c1, id, 'accept');
    await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'department', ownerName: '尉氏县城市管理局' });
    const signs = await Promise.all([staffMove(staff.c1, id, 'sign'), staffMove(staff.street, id, 'sign')]);
    expect(signs.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await events(id)).filter((a: string) => a === 'sign')).toHaveLength(1);
    await staffMove(staff.c1, id, 'start');
    oneWinner(await burst(3, () => staffMove(staff.c1, id, 'handle', { result: '已修复' })));
    expect((await events(id)).filter((a: string) => a === 'handle')).toHaveLength(1);
  });

  it('an owner account and a staff 代为登记 at once never both win: the account signs, staff get 409', async () => {
    const id = (await report(worker.jwt, body('账号与代为登记'))).body.data.documentId;
    await staffMove(staff.c1, id, 'accept');
    await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'department', ownerAccount: department.documentId });
    const [own, onBehalf] = await Promise.all([ownerMove(department.jwt, id, 'sign'), staffMove(staff.c1, id, 'sign')]);
    expect([own.status, onBehalf.status]).toEqual([200, 409]);
    expect((await events(id)).filter((a: string) => a === 'sign')).toHaveLength(1);
  });
});
