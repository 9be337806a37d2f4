import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { staffAt } from '../scoping/fixtures';
import { CASE_STATUSES, shanghaiDate } from '../../src/plugins/grid-cases/shared';
import { A, P } from './fixtures';

const CASE = 'plugin::grid-cases.case';
let superAdmin: string;
let county: string;
let street: string;
const count = (uid: string, where: Record<string, unknown> = {}) =>
  strapi()
    .db.query(uid as any)
    .count({ where });
const branch = (code: string) => strapi().db.query('api::branch.branch').findOne({ where: { code } });

beforeAll(async () => {
  await setupStrapi({}, { demo: true });
  superAdmin = (await createAdmin()).token;
  county = (await staffAt('county-reviewer', await branch('WS'))).token;
  street = (await staffAt('street-staff', await branch('LH'))).token;
  // The full Weishi demo (all four plugins) can take minutes on a loaded machine.
}, 600000);
afterAll(teardownStrapi);

describe('grid-cases demo year', () => {
  it('the catalogue, the 2026 calendar with its 调休 and the heads’ grid accounts are there', async () => {
    expect(
      await count('plugin::grid-cases.case-category', { name: { $in: ['路灯损坏', '违章搭建', '垃圾清运'] } }),
    ).toBe(3);
    const springFestival = await strapi()
      .db.query('plugin::grid-cases.holiday' as any)
      .findOne({ where: { date: '2026-02-14' } });
    expect(springFestival).toMatchObject({ kind: 'workday', name: '春节调休上班' });
    expect(await count('plugin::grid-cases.grid-account', { kind: 'five_head' })).toBeGreaterThanOrEqual(20);
    expect(await count('plugin::grid-cases.grid-account', { kind: 'grid_worker' })).toBeGreaterThanOrEqual(5);
    expect(await count('plugin::grid-cases.grid-account', { kind: 'representative' })).toBeGreaterThanOrEqual(1);
  });

  it('承办方账号: 县住建局 and a compound’s 红色物业 are case-owner logins with their cases in several states', async () => {
    const owners = (await strapi()
      .db.query('plugin::grid-cases.owner-account' as any)
      .findMany({ populate: { account: { populate: { role: { select: ['type'] } } }, organisation: true } })) as any[];
    const department = owners.find((o) => o.kind === 'department');
    const property = owners.find((o) => o.kind === 'property');
    expect(department).toMatchObject({ name: '尉氏县住房和城乡建设局', organisation: { level: 'county_committee' } });
    expect(property?.organisation.level).toBe('community_branch');
    for (const o of [department, property]) {
      expect(o.account.role.type).toBe('case-owner');
      const cases = (await strapi()
        .db.query(CASE as any)
        .findMany({ where: { ownerAccount: { id: o.id } }, select: ['status', 'ownerName', 'ownerKind'] })) as any[];
      expect(new Set(cases.map((c) => c.status)).size).toBeGreaterThan(2);
      for (const c of cases) expect([c.ownerKind, c.ownerName]).toEqual([o.kind, o.name]);
    }
    // no case of that department is left under its name without the account
    expect(await count(CASE, { ownerName: department.name, ownerAccount: { id: { $null: true } } })).toBe(0);
  });

  it('the demo’s 网格通账号 are platform accounts that reported their grid’s cases; a representative has a 履职 record', async () => {
    const accounts = (await strapi()
      .db.query('plugin::grid-cases.grid-account' as any)
      .findMany({ populate: { account: { select: ['id'] }, representative: { select: ['documentId'] } } })) as any[];
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts.every((a) => a.account)).toBe(true);
    const reps = accounts.filter((a) => a.kind === 'representative');
    expect(reps.every((a) => a.representative)).toBe(true);
    // the suggestions of every representative add up to the demo's suggestions reported through accounts
    let raised = 0;
    for (const a of reps) {
      const r = await http().get(`${A}/representatives/${a.representative.documentId}/duties`).set(bearer(county));
      expect(r.status).toBe(200);
      raised += r.body.data.counts.raised;
    }
    expect(raised).toBeGreaterThan(0);
    expect(raised).toBe(
      await count(CASE, { source: 'representatives', status: { $ne: 'merged' }, reporter: { id: { $notNull: true } } }),
    );
    const patrolled = await count(CASE, { source: 'grid_patrol', reporter: { id: { $notNull: true } } });
    expect(patrolled).toBeGreaterThan(0);
  });

  it('every status is on the public status pages (merged ones only through their original), without personal data', async () => {
    for (const status of CASE_STATUSES.filter((s) => s !== 'merged')) {
      const r = await http().get(`${P}/cases?status=${status}&pageSize=100`);
      expect([status, r.status]).toEqual([status, 200]);
      expect([status, r.body.meta.pagination.total > 0]).toEqual([status, true]);
    }
    expect(await count(CASE, { status: 'merged' })).toBeGreaterThan(0);
    const list = await http().get(`${P}/cases?pageSize=100`);
    const contacts = (await strapi()
      .db.query(CASE as any)
      .findMany({ where: { reporterContact: { $notNull: true } }, select: ['reporterContact'] })) as any[];
    expect(contacts.length).toBeGreaterThan(0);
    const text = JSON.stringify(list.body);
    for (const c of contacts) expect(text).not.toContain(c.reporterContact);
    for (const key of ['reporter', 'reporterContact', 'clientKey', 'lat', 'lng', 'actorId'])
      expect(list.body.data.some((c: any) => key in c)).toBe(false);
    expect(list.body.data.some((c: any) => c.status === 'merged')).toBe(false);
  });

  it('each case’s history, as staff read it, ends in its status', async () => {
    const rows = (await strapi()
      .db.query(CASE as any)
      .findMany({ select: ['documentId', 'status'], orderBy: { id: 'asc' } })) as any[];
    expect(rows.length).toBeGreaterThanOrEqual(400);
    // One case of each status over HTTP (with actors, as staff see it) ...
    for (const status of CASE_STATUSES) {
      const one = rows.find((r) => r.status === status)!;
      const r = await http().get(`${A}/cases/${one.documentId}`).set(bearer(superAdmin));
      expect([status, r.status]).toEqual([status, 200]);
      const history = r.body.data.history;
      expect(history[history.length - 1].to).toBe(status);
      expect(history.every((e: any, i: number) => i === 0 || e.from === history[i - 1].to)).toBe(true);
    }
    // ... and every case from the table: the last event of each trail is the case's status.
    const events = (await strapi()
      .db.query('plugin::grid-cases.case-event' as any)
      .findMany({
        select: ['toStatus', 'at'],
        populate: { case: { select: ['documentId'] } },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
      })) as any[];
    const lastTo = new Map<string, string>();
    for (const e of events) lastTo.set(e.case.documentId, e.toStatus);
    for (const r of rows) expect([r.documentId, lastTo.get(r.documentId)]).toEqual([r.documentId, r.status]);
  });

  it('the 督办台 has overdue and warning cases; the street sees only its own', async () => {
    const all = await http().get(`${A}/supervision`).set(bearer(county));
    expect(all.status).toBe(200);
    const urgencies = new Set(all.body.data.cases.map((c: any) => c.urgency));
    expect(urgencies.has('overdue')).toBe(true);
    expect(all.body.data.owners.some((o: any) => o.overdue > 0)).toBe(true);
    // each owner's load (one grouped SQL statement) agrees with the urgency of the cases listed
    // (grouped by the owner account when the owner has one, else by its name)
    type Load = { owner: string; account: string | null; running: number; warning: number; overdue: number };
    const load = new Map<string, Load>();
    for (const c of all.body.data.cases) {
      const key = c.owner.account ?? `name:${c.owner.name}`;
      const o = load.get(key) ?? { owner: c.owner.name, account: c.owner.account, running: 0, warning: 0, overdue: 0 };
      o.running += 1;
      if (c.urgency === 'warning') o.warning += 1;
      if (c.urgency === 'overdue') o.overdue += 1;
      load.set(key, o);
    }
    expect(all.body.data.cases.length).toBeLessThan(1000); // the whole list, so the counts must agree
    const byOwner = (a: Load, b: Load) =>
      a.owner.localeCompare(b.owner) || (a.account ?? '').localeCompare(b.account ?? '');
    expect([...all.body.data.owners].sort(byOwner)).toEqual([...load.values()].sort(byOwner));
    expect(all.body.data.owners.some((o: any) => o.warning > 0)).toBe(true);
    const mine = await http().get(`${A}/supervision`).set(bearer(street));
    expect(mine.body.data.cases.length).toBeGreaterThan(0);
    expect(mine.body.data.cases.length).toBeLessThan(all.body.data.cases.length);
    const intake = await http().get(`${A}/intake`).set(bearer(county));
    expect(intake.body.data.length).toBeGreaterThan(0);
  });

  it('三率 per street over the year: both streets, with the three rates', async () => {
    const today = new Date();
    const from = shanghaiDate(new Date(today.getTime() - 365 * 86_400_000));
    const r = await http()
      .get(`${A}/figures?by=street&from=${from}&to=${shanghaiDate(today)}`)
      .set(bearer(county));
    expect(r.status).toBe(200);
    const lh = await branch('LH');
    const yx = await branch('YX');
    for (const s of [lh, yx]) {
      const row = r.body.data.find((x: any) => x.key === s.documentId);
      expect(row).toMatchObject({ name: s.name });
      expect(row.reported).toBeGreaterThan(0);
      for (const rate of ['responseRate', 'resolutionRate', 'satisfactionRate']) {
        expect(row[rate]).toBeGreaterThan(0);
        expect(row[rate]).toBeLessThanOrEqual(1);
      }
    }
    // Some were handled late and some rated dissatisfied: the rates are not all 100 %.
    const total = r.body.data.reduce(
      (n: any, x: any) => ({ d: n.d + x.dispatched, r: n.r + x.responded, rt: n.rt + x.rated, s: n.s + x.satisfied }),
      { d: 0, r: 0, rt: 0, s: 0 },
    );
    expect(total.r).toBeLessThan(total.d);
    expect(total.s).toBeLessThan(total.rt);
  });

  it('a second seed creates nothing', async () => {
    const uids = ['case', 'case-event', 'case-category', 'holiday', 'grid-account'].map(
      (t) => `plugin::grid-cases.${t}`,
    );
    const before = await Promise.all(uids.map((u) => count(u)));
    expect(await strapi().plugin('grid-cases').service('demo').seed(strapi())).toBe(0);
    expect(await Promise.all(uids.map((u) => count(u)))).toEqual(before);
  });
});
