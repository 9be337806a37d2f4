import request from 'supertest';
import { setupStrapi, teardownStrapi, listenStrapi, strapi } from '../helpers/strapi';
import { bearer, createAdmin, createUser } from '../helpers/auth';
import { burst, describePg, oneWinner } from './helpers';

// Every transition of deliberation raced on PostgreSQL: the subject's row is locked first, so of
// simultaneous moves one wins and the rest are 409 with nothing written; one evaluation per resident.
const TOPIC = 'plugin::deliberation.topic';
const TRANSITION = 'plugin::deliberation.transition';
const EVALUATION = 'plugin::deliberation.evaluation';
const REVISION = 'plugin::deliberation.revision';

let baseUrl: string;
let token: string;
let council: string;
const api = () => request(baseUrl);
const admin = (method: 'post' | 'put', path: string, body: object) =>
  api()[method](`/deliberation${path}`).set(bearer(token)).send(body);
const steps = (subjectId: string, toStatus: string) =>
  strapi().db.query(TRANSITION).count({ where: { subjectId, toStatus } });

const MEMBERS = Array.from({ length: 5 }, (_, i) => ({
  key: `m${i}`,
  name: `成员${i}`,
  role: '成员',
  organisation: '社区',
}));

async function topic(title = '小区停车难') {
  const t = await admin('post', '/topics', { title, raisedBy: 'resident', sourceText: '晚上车位不够' });
  expect(t.status).toBe(201);
  return t.body.data.documentId as string;
}

/** A meeting through to draft minutes with one passed decision on the topic. */
async function draftMeeting(topicId: string) {
  const m = await admin('post', '/meetings', {
    council,
    title: '议事会',
    startAt: '2026-03-10T01:00:00.000Z',
    place: '党群服务中心',
    agenda: [{ position: 1, title: '停车', topicDocumentId: topicId }],
  });
  expect(m.status).toBe(201);
  const id = m.body.data.documentId as string;
  expect((await admin('post', `/meetings/${id}/transition`, { to: 'held' })).status).toBe(200);
  const u = await admin('put', `/meetings/${id}`, {
    attendance: MEMBERS.map((x) => ({ memberKey: x.key, status: 'present' })),
    minutes: '会议讨论了停车问题。',
    decisions: [{ key: 'D1', text: '增设车位', topicDocumentId: topicId, votes: { for: 5, against: 0, abstain: 0 } }],
  });
  expect(u.status).toBe(200);
  expect((await admin('post', `/meetings/${id}/transition`, { to: 'minutes_draft' })).status).toBe(200);
  return id;
}

describePg('deliberation transitions under concurrency (PostgreSQL)', () => {
  beforeAll(async () => {
    await setupStrapi();
    baseUrl = await listenStrapi();
    token = (await createAdmin()).token;
    const c = await admin('post', '/councils', {
      name: '竞态议事会',
      code: 'RACE-NC',
      kind: 'neighbourhood_council',
      members: MEMBERS,
      rule: { quorum: { type: 'more_than_half' }, vote: { type: 'more_than_half', base: 'present' } },
      cadence: 'monthly',
    });
    expect(c.status).toBe(201);
    council = c.body.data.documentId;
  });
  afterAll(teardownStrapi);

  it('a topic moved ten times at once: one move, one trail step; conflicting moves: one wins', async () => {
    const t = await topic();
    oneWinner(await burst(10, () => admin('post', `/topics/${t}/transition`, { to: 'scheduled' })));
    expect(await steps(t, 'scheduled')).toBe(1);
    const [a, b] = await Promise.all([
      admin('post', `/topics/${t}/transition`, { to: 'deliberated' }),
      admin('post', `/topics/${t}/transition`, { to: 'collected' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const row: any = await strapi()
      .db.query(TOPIC)
      .findOne({ where: { documentId: t } });
    expect(row.status).toBe(a.status === 200 ? 'deliberated' : 'collected');
    expect((await steps(t, 'deliberated')) + (await steps(t, 'collected'))).toBe(2); // created as collected + one move
  });

  it('a meeting: held ×10, approve ×10, publish ×10 at once: one each, one notice; corrections at once are numbered 1…n', async () => {
    const t = await topic('路灯不亮');
    await admin('post', `/topics/${t}/transition`, { to: 'scheduled' });
    await admin('post', `/topics/${t}/transition`, { to: 'deliberated' });
    const m = await draftMeeting(t);
    oneWinner(await burst(10, () => admin('post', `/meetings/${m}/transition`, { to: 'minutes_approved' })));
    expect(await steps(m, 'minutes_approved')).toBe(1);
    expect(await steps(t, 'decided')).toBe(1);
    const notices = await strapi().db.query('api::notice.notice').count({});
    oneWinner(await burst(10, () => admin('post', `/meetings/${m}/transition`, { to: 'published' })));
    expect(await steps(m, 'published')).toBe(1);
    // One notice document (draft and published rows of it), not one per request.
    const added = (await strapi().db.query('api::notice.notice').count({})) - notices;
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThanOrEqual(2);
    const fixes = await burst(5, (i) =>
      admin('post', `/meetings/${m}/corrections`, { reason: `更正${i}`, minutes: `纪要第${i}稿` }),
    );
    expect(fixes.map((r) => r.status)).toEqual(Array(5).fill(200));
    const numbers = (
      await strapi()
        .db.query(REVISION)
        .findMany({ where: { meeting: { documentId: m } } })
    ).map((r: any) => r.number);
    expect(numbers.sort()).toEqual([1, 2, 3, 4, 5]);

    const m2 = await (async () => {
      const x = await admin('post', '/meetings', {
        council,
        title: '第二次',
        startAt: '2026-04-10T01:00:00.000Z',
        place: '中心',
        agenda: [],
      });
      return x.body.data.documentId as string;
    })();
    oneWinner(await burst(10, () => admin('post', `/meetings/${m2}/transition`, { to: 'held' })));
    expect(await steps(m2, 'held')).toBe(1);
  });

  it('action items: done ×10, verified ×10 at once: one each; the topic closes once; 20 evaluations of one resident: one', async () => {
    const t = await topic('垃圾清运');
    await admin('post', `/topics/${t}/transition`, { to: 'scheduled' });
    await admin('post', `/topics/${t}/transition`, { to: 'deliberated' });
    const m = await draftMeeting(t);
    expect((await admin('post', `/meetings/${m}/transition`, { to: 'minutes_approved' })).status).toBe(200);
    const item = await admin('post', '/action-items', {
      meeting: m,
      decisionKey: 'D1',
      title: '清运',
      ownerKind: 'unit',
      ownerName: '环卫所',
      dueDate: '2099-01-01',
    });
    expect(item.status).toBe(201);
    const id = item.body.data.documentId;
    oneWinner(
      await burst(10, () => admin('post', `/action-items/${id}/transition`, { to: 'done', resultNote: '已清运' })),
    );
    oneWinner(await burst(10, () => admin('post', `/action-items/${id}/transition`, { to: 'verified' })));
    expect(await steps(id, 'verified')).toBe(1);
    expect(await steps(t, 'closed')).toBe(1);

    const resident = await createUser('authenticated');
    const evaluate = (jwt: string) =>
      api().post(`/api/deliberation/topics/${t}/evaluations`).set(bearer(jwt)).send({ verdict: 'satisfied' });
    const res = await burst(20, () => evaluate(resident.jwt));
    oneWinner(res, 201);
    expect(res.find((r) => r.status === 409)!.body.error.message).toBe(
      'topic: you have already evaluated this topic (您已评议过该议题)',
    );
    expect(
      await strapi()
        .db.query(EVALUATION)
        .count({ where: { userId: resident.user.id } }),
    ).toBe(1);
    // Five residents at once: five evaluations, the topic moves to evaluated once.
    const others = await Promise.all(Array.from({ length: 5 }, () => createUser('authenticated')));
    const five = await Promise.all(others.map((o) => evaluate(o.jwt)));
    expect(five.map((r) => r.status)).toEqual(Array(5).fill(201));
    expect(
      await strapi()
        .db.query(EVALUATION)
        .count({ where: { topic: { documentId: t } } }),
    ).toBe(6);
    expect(await steps(t, 'evaluated')).toBe(1);
  });
});
