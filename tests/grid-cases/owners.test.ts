import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { bearer } from '../helpers/auth';
import { CM, buildWorld, staffAt, worldStaff, type World } from '../scoping/fixtures';
import {
  A,
  P,
  category,
  countEvents,
  gridWorker,
  ownerAccount,
  ownerMove,
  ownerUnit,
  report,
  staffMove,
} from './fixtures';

/**
 * 承办方账号: county departments and property companies sign and handle their own cases with a
 * case-owner login; 派单 offers the accounts serving the dispatcher's organisation; staff do not
 * record (代为登记) the steps of an owner that has its own account.
 */
let w: World;
let staff: { c1: string; street: string; county: string };
let c2Staff: string;
let worker: { jwt: string; userId: number };
type Owner = Awaited<ReturnType<typeof ownerAccount>>;
let department: Owner;
let otherDepartment: Owner;
let property: Owner;
let otherProperty: Owner;
let unit: { documentId: string; name: string; jwt: string };
let cat: any;

const field = (res: any) => res.body?.error?.details?.errors?.[0]?.path?.join('.');
let n = 0;
/** A case of C1's first grid, accepted and waiting for 派单. */
async function accepted(): Promise<string> {
  const r = await report(worker.jwt, {
    title: `管道漏水${n++}`,
    description: '单元门口地下管道漏水，路面积水结冰。',
    category: cat.documentId,
    source: 'grid_patrol',
    grid: w.c1.grids[0].documentId,
  });
  expect(r.status).toBe(201);
  const id = r.body.data.documentId as string;
  expect((await staffMove(staff.c1, id, 'accept')).status).toBe(200);
  return id;
}
const statusOf = async (id: string) =>
  (await http().get(`${A}/cases/${id}`).set(bearer(staff.c1))).body.data as { status: string; history: any[] };
const picker = (token: string, query = '') => http().get(`${A}/owner-accounts${query}`).set(bearer(token));

beforeAll(async () => {
  await setupStrapi();
  w = await buildWorld();
  staff = await worldStaff(w);
  c2Staff = (await staffAt('community-staff', w.c2)).token;
  worker = await gridWorker(w.c1.grids[0]);
  department = await ownerAccount('department', w.county);
  otherDepartment = await ownerAccount('department', w.county);
  property = await ownerAccount('property', w.c1);
  otherProperty = await ownerAccount('property', w.c2);
  unit = await ownerUnit(w.c1);
  cat = await category(3);
});
afterAll(teardownStrapi);

describe('派单 picker: the owner accounts serving the caller’s organisation', () => {
  it('a community sees the county’s departments and its own property companies, not another community’s', async () => {
    const c1 = await picker(staff.c1);
    expect(c1.status).toBe(200);
    const names = c1.body.data.map((a: any) => a.name);
    expect(names).toEqual(expect.arrayContaining([department.name, otherDepartment.name, property.name]));
    expect(names).not.toContain(otherProperty.name);
    // nothing private: no contact, no login
    for (const a of c1.body.data) expect(Object.keys(a).sort()).toEqual(['documentId', 'kind', 'name']);

    const c2 = (await picker(c2Staff)).body.data.map((a: any) => a.name);
    expect(c2).toEqual(expect.arrayContaining([department.name, otherProperty.name]));
    expect(c2).not.toContain(property.name);

    const onlyProperty = (await picker(staff.c1, '?kind=property')).body.data.map((a: any) => a.name);
    expect(onlyProperty).toContain(property.name);
    expect(onlyProperty).not.toContain(department.name);
    const bad = await picker(staff.c1, '?kind=unit');
    expect([bad.status, field(bad)]).toEqual([400, 'kind']);
  });
});

describe('a department account works its own case', () => {
  it('派单 to the account, then its 签收, 处置, 延期, 办结; staff 核查', async () => {
    const id = await accepted();
    const d = await staffMove(staff.c1, id, 'dispatch', {
      ownerKind: 'department',
      ownerAccount: department.documentId,
    });
    expect(d.status).toBe(200);
    expect(d.body.data.owner).toEqual({
      kind: 'department',
      name: department.name,
      unit: null,
      account: department.documentId,
    });

    const mine = await http().get(`${P}/owner/cases`).set(bearer(department.jwt));
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((c: any) => c.documentId)).toEqual([id]);

    expect((await ownerMove(department.jwt, id, 'sign')).status).toBe(200);
    expect((await ownerMove(department.jwt, id, 'start')).status).toBe(200);
    const ext = await ownerMove(department.jwt, id, 'extension', { days: 2, reason: '需开挖路面，等待审批' });
    expect([ext.status, ext.body.data.extension.status]).toEqual([200, 'requested']);
    const done = await ownerMove(department.jwt, id, 'handle', { result: '已更换破损管段，路面恢复' });
    expect([done.status, done.body.data.status]).toEqual([200, 'handled']);
    expect((await staffMove(staff.c1, id, 'verify')).status).toBe(200);

    const { history } = await statusOf(id);
    const steps = history.filter((e) => ['sign', 'start', 'handle'].includes(e.action));
    expect(steps.map((e) => [e.actorKind, e.actorId, e.reason])).toEqual(
      ['sign', 'start', 'handle'].map(() => ['account', `user:${department.userId}`, null]),
    );
  });

  it('another department, a property company and a unit get 404 on it; a grid account 403', async () => {
    const id = await accepted();
    await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'department', ownerAccount: department.documentId });
    for (const other of [otherDepartment.jwt, property.jwt, unit.jwt]) {
      const res = await ownerMove(other, id, 'sign');
      expect(res.status).toBe(404);
      const list = (await http().get(`${P}/owner/cases`).set(bearer(other))).body.data.map((c: any) => c.documentId);
      expect(list).not.toContain(id);
    }
    const worker403 = await http().get(`${P}/owner/cases`).set(bearer(worker.jwt));
    expect(worker403.status).toBe(403);
    expect((await statusOf(id)).status).toBe('dispatched');
  });

  it('staff 代为登记 on a case whose owner has an account: 409 naming ownerAccount, nothing written', async () => {
    const id = await accepted();
    await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'property', ownerAccount: property.documentId });
    const before = await countEvents();
    for (const action of ['sign', 'start', 'handle']) {
      const res = await staffMove(staff.c1, id, action, action === 'handle' ? { result: '已清理' } : {});
      expect([res.status, field(res)]).toEqual([409, 'ownerAccount']);
      expect(res.body.error.message).toContain(property.name);
    }
    expect(await countEvents()).toBe(before);
    expect((await statusOf(id)).status).toBe('dispatched');
    // the property company signs itself
    expect((await ownerMove(property.jwt, id, 'sign')).status).toBe(200);
  });

  it('a department named without an account is still recorded by staff (代为登记)', async () => {
    const id = await accepted();
    const d = await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'department', ownerName: '尉氏县水利局' });
    expect(d.body.data.owner).toMatchObject({ name: '尉氏县水利局', account: null });
    expect((await staffMove(staff.c1, id, 'sign')).status).toBe(200);
    expect((await ownerMove(department.jwt, id, 'start')).status).toBe(404);
  });
});

describe('派单 refuses an owner account it may not name', () => {
  it('another community’s, a missing one, one of the other kind, or with a kind without accounts', async () => {
    const id = await accepted();
    const before = await countEvents();
    const outside = await staffMove(staff.c1, id, 'dispatch', {
      ownerKind: 'property',
      ownerAccount: otherProperty.documentId,
    });
    expect([outside.status, field(outside)]).toEqual([403, 'ownerAccount']);
    const missing = await staffMove(staff.c1, id, 'dispatch', { ownerKind: 'property', ownerAccount: 'nope' });
    expect([missing.status, field(missing)]).toEqual([400, 'ownerAccount']);
    const wrongKind = await staffMove(staff.c1, id, 'dispatch', {
      ownerKind: 'property',
      ownerAccount: department.documentId,
    });
    expect([wrongKind.status, field(wrongKind)]).toEqual([400, 'ownerAccount']);
    const community = await staffMove(staff.c1, id, 'dispatch', {
      ownerKind: 'community',
      ownerAccount: property.documentId,
    });
    expect([community.status, field(community)]).toEqual([400, 'ownerAccount']);
    expect(await countEvents()).toBe(before);
    expect((await statusOf(id)).status).toBe('accepted');
  });
});

describe('督办台 per owner', () => {
  it('groups by the account: one row per owner account, beside the owners named without one', async () => {
    const a = await accepted();
    const b = await accepted();
    await staffMove(staff.c1, a, 'dispatch', { ownerKind: 'department', ownerAccount: otherDepartment.documentId });
    await staffMove(staff.c1, b, 'dispatch', { ownerKind: 'department', ownerAccount: otherDepartment.documentId });
    const res = await http().get(`${A}/supervision`).set(bearer(staff.c1));
    expect(res.status).toBe(200);
    const rows = res.body.data.owners.filter((o: any) => o.account === otherDepartment.documentId);
    expect(rows).toEqual([
      { owner: otherDepartment.name, account: otherDepartment.documentId, running: 2, warning: 0, overdue: 0 },
    ]);
    const named = res.body.data.owners.find((o: any) => o.owner === '尉氏县水利局');
    expect(named).toMatchObject({ account: null, running: 1 });
  });
});

describe('who keeps the owner accounts (Content Manager)', () => {
  const OWNER_ACCOUNT = 'plugin::grid-cases.owner-account';
  const list = (token: string) => http().get(`${CM}/${OWNER_ACCOUNT}?page=1&pageSize=100`).set(bearer(token));

  it('the county adds its departments; a community sees and edits only its own property companies', async () => {
    const made = await http()
      .post(`${CM}/${OWNER_ACCOUNT}`)
      .set(bearer(staff.county))
      .send({ name: '尉氏县城市管理局', kind: 'department', organisation: { connect: [w.county.documentId] } });
    expect(made.status).toBe(201);
    const c1 = (await list(staff.c1)).body.results.map((r: any) => r.name);
    expect(c1).toContain(property.name);
    expect(c1).not.toContain(otherProperty.name);
    expect(c1).not.toContain('尉氏县城市管理局');
    const street = await http()
      .post(`${CM}/${OWNER_ACCOUNT}`)
      .set(bearer(staff.street))
      .send({ name: '街道物业', kind: 'property', organisation: { connect: [w.c1.documentId] } });
    expect(street.status).toBe(403);
    const county = (await list(staff.county)).body.results.map((r: any) => r.name);
    expect(county).toEqual(expect.arrayContaining(['尉氏县城市管理局', property.name, otherProperty.name]));
  });

  it('an account’s kind must fit the organisation it serves: 400 naming the field, nothing written', async () => {
    const count = async () => (await list(staff.county)).body.pagination.total as number;
    const before = await count();
    const create = (token: string, body: Record<string, unknown>) =>
      http().post(`${CM}/${OWNER_ACCOUNT}`).set(bearer(token)).send(body);
    // a community's own "department" would be offered wherever 派单 asks for a department
    const communityDepartment = await create(staff.c1, {
      name: '社区自设部门',
      kind: 'department',
      organisation: { connect: [w.c1.documentId] },
    });
    expect([communityDepartment.status, field(communityDepartment)]).toEqual([400, 'kind']);
    expect(communityDepartment.body.error.message).toContain('县委或街道党工委');
    const countyProperty = await create(staff.county, {
      name: '县级物业',
      kind: 'property',
      organisation: { connect: [w.county.documentId] },
    });
    expect([countyProperty.status, field(countyProperty)]).toEqual([400, 'kind']);
    const nowhere = await create(staff.county, { name: '无归属部门', kind: 'department' });
    expect([nowhere.status, field(nowhere)]).toEqual([400, 'organisation']);
    expect(await count()).toBe(before);

    const relabel = await http()
      .put(`${CM}/${OWNER_ACCOUNT}/${property.documentId}`)
      .set(bearer(staff.c1))
      .send({ kind: 'department' });
    expect([relabel.status, field(relabel)]).toEqual([400, 'kind']);
    const stored = await http().get(`${CM}/${OWNER_ACCOUNT}/${property.documentId}`).set(bearer(staff.c1));
    expect(stored.body.data.kind).toBe('property');
  });
});
