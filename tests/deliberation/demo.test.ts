import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer } from '../helpers/auth';
import { staffAt } from '../scoping/fixtures';

let staff: string;
let communityStaff: string;
const count = (uid: string, where: Record<string, unknown> = {}) =>
  strapi()
    .db.query(uid as any)
    .count({ where });

beforeAll(async () => {
  await setupStrapi({}, { demo: true });
  // The joint meeting is the street's: street staff of 两湖街道 (LH) see it; a community's staff do not.
  const lh = await strapi()
    .db.query('api::branch.branch')
    .findOne({ where: { code: 'LH' } });
  const c1 = await strapi()
    .db.query('api::branch.branch')
    .findOne({ where: { code: 'LH-C1' } });
  staff = (await staffAt('street-staff', lh)).token;
  communityStaff = (await staffAt('community-staff', c1)).token;
  // The full Weishi demo (all three plugins) can take minutes on a loaded machine.
}, 600000);
afterAll(teardownStrapi);

describe('Weishi demo', () => {
  it('has the 17 neighbourhood councils, the joint meeting and two forums', async () => {
    expect(await count('plugin::deliberation.council', { kind: 'neighbourhood_council' })).toBe(17);
    expect(await count('plugin::deliberation.council', { kind: 'joint_meeting' })).toBe(1);
    expect(await count('plugin::deliberation.council', { kind: { $in: ['sentiment_forum', 'residents_forum'] } })).toBe(
      2,
    );
  });

  it('a year of monthly joint meetings: 10 published, one with draft minutes, one just held, two to come', async () => {
    expect(await count('plugin::deliberation.meeting')).toBe(14);
    expect(await count('plugin::deliberation.meeting', { status: 'scheduled', startAt: { $gt: new Date() } })).toBe(2);
    expect(await count('plugin::deliberation.meeting', { status: 'published' })).toBe(10);
    expect(await count('plugin::deliberation.meeting', { status: 'minutes_draft' })).toBe(1);
    expect(await count('plugin::deliberation.meeting', { status: 'held' })).toBe(1);
    const list = await http().get('/api/deliberation/meetings?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.meta.pagination.total).toBe(10);
    expect(list.body.data.every((m: any) => m.status === 'published')).toBe(true);
  });

  it('action items exist in every status and the public list never shows a phone', async () => {
    for (const status of ['open', 'in_progress', 'done', 'verified']) {
      expect(await count('plugin::deliberation.action-item', { status })).toBeGreaterThan(0);
    }
    const r = await http().get('/api/deliberation/action-items?pageSize=100');
    expect(r.body.meta.pagination.total).toBe(20);
    expect(JSON.stringify(r.body)).not.toContain('1390378');
  });

  it('a second seed run creates nothing', async () => {
    const before = await Promise.all(
      ['council', 'meeting', 'topic', 'action-item', 'transition'].map((t) => count(`plugin::deliberation.${t}`)),
    );
    const notices = await count('api::notice.notice');
    expect(await strapi().plugin('deliberation').service('demo').seed(strapi())).toBe(0);
    expect(
      await Promise.all(
        ['council', 'meeting', 'topic', 'action-item', 'transition'].map((t) => count(`plugin::deliberation.${t}`)),
      ),
    ).toEqual(before);
    expect(await count('api::notice.notice')).toBe(notices);
  });

  it('one coherent world: the 两湖街道 councils belong to LH, and every branch owner is a branch of the tree', async () => {
    const lh = await strapi()
      .db.query('api::branch.branch')
      .findOne({ where: { code: 'LH' } });
    const joint = await strapi()
      .db.query('plugin::deliberation.council')
      .findOne({ where: { code: 'LH-JM' } });
    expect(joint).toMatchObject({ name: '两湖街道联席会议', scopeStreet: lh.documentId, scopeCommunity: null });
    const names = await strapi()
      .db.query('plugin::deliberation.council')
      .findMany({ where: { kind: { $ne: 'neighbourhood_council' } }, select: ['name'] });
    expect(names.every((c: { name: string }) => c.name.startsWith('两湖街道'))).toBe(true);
    const owners: Array<{ ownerName: string }> = await strapi()
      .db.query('plugin::deliberation.action-item')
      .findMany({ where: { ownerKind: 'branch' }, select: ['ownerName'] });
    expect(owners.length).toBeGreaterThan(0);
    for (const o of new Set(owners.map((x) => x.ownerName)))
      expect(await count('api::branch.branch', { name: o })).toBe(1);
    // 大西门社区's staff see only their community's items: none of the street's joint-meeting items.
    const c1 = await strapi()
      .db.query('api::branch.branch')
      .findOne({ where: { code: 'LH-C1' } });
    const board = await http().get('/deliberation/action-items?pageSize=100').set(bearer(communityStaff));
    expect(board.status).toBe(200);
    expect(board.body.meta.pagination.total).toBe(
      await count('plugin::deliberation.action-item', { scopeCommunity: c1.documentId }),
    );
    expect(await count('plugin::deliberation.action-item', { scopeStreet: lh.documentId })).toBe(20);
  });

  it('street staff see the board overdue first and the calendar with every past month held', async () => {
    const board = await http().get('/deliberation/action-items?pageSize=100').set(bearer(staff));
    expect(board.status).toBe(200);
    const flags = board.body.data.map((i: any) => i.overdue);
    expect(flags.indexOf(false)).toBeGreaterThan(-1);
    expect(flags.slice(flags.indexOf(false)).includes(true)).toBe(false);
    const owners = await http().get('/deliberation/action-items/owners').set(bearer(staff));
    expect(owners.body.data.reduce((s: number, o: any) => s + o.total, 0)).toBe(20);
    // The board's columns (在办, 逾期, 待销号, 已销号) count each item once, so they add up to 合计.
    for (const o of owners.body.data) expect(o.pending + o.overdue + o.done + o.verified).toBe(o.total);
    const sum = (k: string) => owners.body.data.reduce((s: number, o: any) => s + o[k], 0);
    expect(sum('overdue')).toBe(board.body.meta.pagination.overdue);
    expect(sum('done')).toBe(await count('plugin::deliberation.action-item', { status: 'done' }));

    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const cal = await http().get(`/deliberation/calendar?year=${lastMonth.getUTCFullYear()}`).set(bearer(staff));
    expect(cal.status).toBe(200);
    expect(cal.body.data.months[lastMonth.getUTCMonth()].jointMeetingHeld).toBe(true);
    expect(cal.body.data.months[lastMonth.getUTCMonth()].missingJointMeeting).toBe(false);
  });

  it('the calendar flags months without a joint meeting', async () => {
    const cal = await http().get('/deliberation/calendar?year=2001').set(bearer(staff));
    expect(cal.body.data.months.every((m: any) => m.missingJointMeeting)).toBe(true);
    expect((await http().get('/deliberation/calendar?year=abc').set(bearer(staff))).status).toBe(400);
  });

  it('registers its metrics with star-scoring when present, computed for a community', async () => {
    const registry = strapi().plugin('star-scoring')?.service('metrics') as any;
    const defs = strapi().plugin('deliberation').service('metrics').definitions();
    const branch = await strapi()
      .db.query('api::branch.branch')
      .findOne({ where: { code: 'LH-C1' } });
    const now = new Date();
    const held = await defs[0].compute({
      strapi: strapi(),
      branchDocumentId: branch.documentId,
      year: now.getUTCFullYear(),
    });
    expect(held.figures.months).toBe(12);
    expect(held.value).toBeCloseTo(held.figures.held / 12, 2);
    if (registry?.get) expect(registry.get('deliberation.joint-meetings-per-month')).toBeTruthy();
  });
});
