import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import {
  CM,
  expectMixedBulkDeleteRefused,
  expectUnassignedRefused,
  buildWorld,
  inScope,
  row,
  type Node,
  type World,
  worldStaff,
} from './fixtures';

/**
 * 议事协商 under organisation scope, as each kind of staff account sees it over HTTP: councils,
 * topics, meetings, the action-item board, owners and calendar, the meeting workspace and its
 * transitions, and the plugin's types in the Content Manager.
 */
const D = 'plugin::deliberation';
const T = {
  council: `${D}.council`,
  topic: `${D}.topic`,
  meeting: `${D}.meeting`,
  item: `${D}.action-item`,
  evaluation: `${D}.evaluation`,
} as const;
const MEMBERS = [1, 2, 3].map((i) => ({ key: `m${i}`, name: `成员${i}`, role: '成员', organisation: '社区' }));
const RULE = { quorum: { type: 'more_than_half' }, vote: { type: 'more_than_half', base: 'present' } };
const YEAR = new Date().getUTCFullYear();
const docs = (uid: string) => strapi().documents(uid as any) as any;

interface Place {
  council: string;
  topic: string;
  meeting: string;
  item: string;
}
let w: World;
const at = new Map<string, Place>();
let root: string;
let c1: string;
let street: string;
let county: string;

/** A council of the node with a topic, a meeting this year and an action item of that meeting. */
async function place(node: Node, kind = 'neighbourhood_council'): Promise<Place> {
  const council = await docs(T.council).create({
    data: {
      name: `${node.name}议事会`,
      code: `T-${node.code}`,
      kind,
      branch: node.documentId,
      members: MEMBERS,
      rule: RULE,
    },
  });
  const topic = await docs(T.topic).create({
    data: { title: `${node.name}议题`, raisedBy: 'resident', sourceText: '居民反映', council: council.documentId },
  });
  const meeting = await docs(T.meeting).create({
    data: { title: `${node.name}会议`, council: council.documentId, startAt: `${YEAR}-01-15T01:00:00.000Z` },
  });
  const item = await docs(T.item).create({
    data: {
      meeting: meeting.documentId,
      decisionKey: 'D1',
      title: `${node.name}交办事项`,
      ownerKind: 'branch',
      ownerName: node.name,
      dueDate: '2020-01-01',
    },
  });
  return {
    council: council.documentId,
    topic: topic.documentId,
    meeting: meeting.documentId,
    item: item.documentId,
  };
}

beforeAll(async () => {
  await setupStrapi();
  w = await buildWorld();
  for (const n of [w.c1, w.c2, w.c3]) at.set(n.documentId, await place(n));
  at.set(w.s1.documentId, await place(w.s1, 'joint_meeting'));
  root = (await createAdmin()).token;
  ({ c1, street, county } = await worldStaff(w));
}, 300000);
afterAll(teardownStrapi);

const of = (n: Node) => at.get(n.documentId)!;
const get = (token: string, path: string) => http().get(`/deliberation${path}`).set(bearer(token));
const post = (token: string, path: string, body: object) =>
  http().post(`/deliberation${path}`).set(bearer(token)).send(body);
const docIds = (rows: Array<{ documentId: string }>) => new Set(rows.map((r) => r.documentId));
const STAFF = () =>
  [
    [c1, 'scopeCommunity', w.c1],
    [street, 'scopeStreet', w.s1],
    [county, 'scopeCounty', w.county],
  ] as const;

describe('councils, topics, meetings and action items carry their organisation’s scope', () => {
  it('a council its branch’s, the rest follow council and meeting; an evaluation its topic', async () => {
    const p = of(w.c2);
    const evaluation = await docs(T.evaluation).create({ data: { topic: p.topic, verdict: 'satisfied' } });
    for (const [uid, documentId] of [
      [T.council, p.council],
      [T.topic, p.topic],
      [T.meeting, p.meeting],
      [T.item, p.item],
      [T.evaluation, evaluation.documentId],
    ] as const) {
      const r = await row(uid, { documentId });
      expect([uid, r?.scopeCommunity, r?.scopeStreet, r?.scopeCounty]).toEqual([
        uid,
        w.c2.documentId,
        w.s1.documentId,
        w.county.documentId,
      ]);
    }
    // The street's joint meeting belongs to the street, not to any community.
    const joint = await row(T.meeting, { documentId: of(w.s1).meeting });
    expect([joint?.scopeStreet, joint?.scopeCommunity]).toEqual([w.s1.documentId, null]);
  });
});

describe('the plugin’s admin routes answer within the caller’s organisation', () => {
  it('councils, meetings, topics, board, owners and calendar count exactly the in-scope rows', async () => {
    for (const [token, column, node] of STAFF()) {
      const councils = await get(token, '/councils');
      expect(councils.status).toBe(200);
      expect(docIds(councils.body.data)).toEqual(await inScope(T.council, column, node));

      const meetings = await get(token, '/meetings?pageSize=100');
      expect(meetings.body.meta.pagination.total).toBe((await inScope(T.meeting, column, node)).size);
      expect(docIds(meetings.body.data)).toEqual(await inScope(T.meeting, column, node));

      const topics = await get(token, '/topics?pageSize=100');
      expect(docIds(topics.body.data)).toEqual(await inScope(T.topic, column, node));

      const board = await get(token, '/action-items?pageSize=100');
      const items = await inScope(T.item, column, node);
      expect(board.body.meta.pagination.total).toBe(items.size);
      expect(docIds(board.body.data)).toEqual(items);

      const owners = await get(token, '/action-items/owners');
      expect(owners.body.data.reduce((s: number, o: { total: number }) => s + o.total, 0)).toBe(items.size);

      const calendar = await get(token, `/calendar?year=${YEAR}`);
      const listed = calendar.body.data.months.flatMap((m: { meetings: Array<{ documentId: string }> }) => m.meetings);
      expect(docIds(listed)).toEqual(await inScope(T.meeting, column, node));
    }
    // Community staff do not see the street's joint meeting, the street does, the county sees all.
    const c1Meetings = docIds((await get(c1, '/meetings?pageSize=100')).body.data);
    expect(c1Meetings).toEqual(new Set([of(w.c1).meeting]));
    const streetMeetings = docIds((await get(street, '/meetings?pageSize=100')).body.data);
    expect(streetMeetings).toEqual(new Set([of(w.c1).meeting, of(w.c2).meeting, of(w.s1).meeting]));
  });

  it('another community’s meeting cannot be opened, edited or moved; its topic and action item not moved: 403, nothing written', async () => {
    const p = of(w.c2);
    expect((await get(c1, `/meetings/${p.meeting}`)).status).toBe(403);
    const edit = await http().put(`/deliberation/meetings/${p.meeting}`).set(bearer(c1)).send({ place: '别处' });
    expect(edit.status).toBe(403);
    expect(edit.body.error.message).toMatch(/^meeting: outside your organisation/);
    const move = await post(c1, `/meetings/${p.meeting}/transition`, { to: 'held' });
    expect(move.status).toBe(403);
    expect(await row(T.meeting, { documentId: p.meeting })).toMatchObject({ status: 'scheduled', place: null });
    expect((await post(c1, `/topics/${p.topic}/transition`, { to: 'scheduled' })).status).toBe(403);
    expect((await row(T.topic, { documentId: p.topic }))?.status).toBe('collected');
    expect((await post(c1, `/action-items/${p.item}/transition`, { to: 'in_progress' })).status).toBe(403);
    expect((await row(T.item, { documentId: p.item }))?.status).toBe('open');
    // No transition was recorded for any of them.
    const trail = await strapi()
      .db.query(`${D}.transition` as any)
      .count({ where: { subjectId: { $in: [p.meeting, p.topic, p.item] } } });
    expect(trail).toBe(0);
    // The own community's meeting moves.
    expect((await post(c1, `/meetings/${of(w.c1).meeting}/transition`, { to: 'held' })).status).toBe(200);
  });

  it('a meeting or topic for another community’s council is refused (403 naming council); nothing is written', async () => {
    const meetings = await strapi()
      .db.query(T.meeting as any)
      .count();
    const topics = await strapi()
      .db.query(T.topic as any)
      .count();
    const m = await post(c1, '/meetings', {
      council: of(w.c2).council,
      title: '越界会议',
      startAt: `${YEAR}-02-01T01:00:00.000Z`,
    });
    expect(m.status).toBe(403);
    expect(m.body.error.message).toMatch(/^council: outside your organisation/);
    const t = await post(c1, '/topics', {
      title: '越界议题',
      raisedBy: 'resident',
      sourceText: 'x',
      council: of(w.c2).council,
    });
    expect(t.status).toBe(403);
    expect(
      await strapi()
        .db.query(T.meeting as any)
        .count(),
    ).toBe(meetings);
    expect(
      await strapi()
        .db.query(T.topic as any)
        .count(),
    ).toBe(topics);
  });

  it('a council created by community staff without a branch belongs to their community; the street convenes its joint meeting', async () => {
    const c = await post(c1, '/councils', {
      name: '新议事会',
      code: 'T-NEW-NC',
      kind: 'neighbourhood_council',
      members: MEMBERS,
      rule: RULE,
    });
    expect(c.status).toBe(201);
    expect((await row(T.council, { documentId: c.body.data.documentId }))?.scopeCommunity).toBe(w.c1.documentId);
    const joint = await post(street, '/meetings', {
      council: of(w.s1).council,
      title: '两湖街道联席会议（测试）',
      startAt: `${YEAR}-03-10T01:00:00.000Z`,
    });
    expect(joint.status).toBe(201);
    expect((await row(T.meeting, { documentId: joint.body.data.documentId }))?.scopeStreet).toBe(w.s1.documentId);
    // The county reads, it does not convene.
    expect(
      (await post(county, '/meetings', { council: of(w.s1).council, title: 'x', startAt: `${YEAR}-03-11T01:00:00Z` }))
        .status,
    ).toBe(403);
  });
});

describe('county-wide settings are not a community’s to change', () => {
  it('community staff read the 议事协商 settings but cannot change them (403); the county can', async () => {
    const before = (await get(root, '/settings')).body.data;
    expect((await get(c1, '/settings')).status).toBe(200);
    const put = (token: string) => http().put('/deliberation/settings').set(bearer(token)).send(before);
    expect((await put(c1)).status).toBe(403);
    expect((await put(street)).status).toBe(403);
    expect((await put(county)).status).toBe(200);
  });

  it('community staff cannot change the 双报到 rule set in the Content Manager (403); nothing is written', async () => {
    const RS = 'plugin::double-report.rule-set';
    const before = await strapi().db.query(RS).findMany({});
    const path = `/content-manager/single-types/${RS}`;
    expect((await http().put(path).set(bearer(c1)).send({ annualHoursRequired: 1 })).status).toBe(403);
    expect(await strapi().db.query(RS).findMany({})).toEqual(before);
  });
});

describe('the plugin’s types in the Content Manager', () => {
  const list = (token: string, uid: string) => http().get(`${CM}/${uid}?page=1&pageSize=100`).set(bearer(token));

  it.each([T.council, T.topic, T.meeting, T.item])(
    '%s: each staff account lists exactly its rows (counted in the database)',
    async (uid) => {
      for (const [token, column, node] of STAFF()) {
        const expected = await inScope(uid, column, node);
        expect(expected.size).toBeGreaterThan(0);
        const res = await list(token, uid);
        expect(res.status).toBe(200);
        expect(res.body.pagination.total).toBe(expected.size);
        expect(docIds(res.body.results)).toEqual(expected);
      }
      expect((await list(root, uid)).body.pagination.total).toBe(
        await strapi()
          .db.query(uid as any)
          .count(),
      );
    },
  );

  it('bulk delete of mixed action items deletes none outside the scope', async () => {
    const mine = of(w.c1).item;
    const theirs = of(w.c2).item;
    await expectMixedBulkDeleteRefused(T.item, c1, mine, theirs);
  });

  it('the meeting’s council picker offers only in-scope councils', async () => {
    const res = await http().get(`/content-manager/relations/${T.meeting}/council?pageSize=100`).set(bearer(c1));
    expect(res.status).toBe(200);
    const offered = docIds(res.body.results);
    expect(offered).toEqual(await inScope(T.council, 'scopeCommunity', w.c1));
    expect(offered.has(of(w.c2).council)).toBe(false);
    expect(offered.has(of(w.s1).council)).toBe(false);
  });
});

describe('an administrator nobody assigned to an organisation', () => {
  it('is told so on every list of the plugin (403 naming organisation), as in the Content Manager', async () => {
    await expectUnassignedRefused([
      '/deliberation/councils',
      '/deliberation/meetings',
      '/deliberation/action-items',
      '/deliberation/action-items/owners',
      '/deliberation/calendar',
    ]);
  });
});
