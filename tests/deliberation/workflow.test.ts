import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin, createUser } from '../helpers/auth';
import { refusalText } from '../../src/packages/kit/shared';

let token: string;
const A = '/deliberation';
const admin = (method: 'get' | 'post' | 'put', path: string, body?: unknown) => {
  const req = http()[method](`${A}${path}`).set(bearer(token));
  return body === undefined ? req : req.send(body as object);
};
const count = (uid: string, where: Record<string, unknown> = {}) =>
  strapi()
    .db.query(uid as any)
    .count({ where });

const MEMBERS = Array.from({ length: 9 }, (_, i) => ({
  key: `m${i + 1}`,
  name: `成员${i + 1}`,
  role: '成员',
  organisation: '社区',
  phone: `1390378${String(i).padStart(4, '0')}`,
}));
const RULE = { quorum: { type: 'more_than_half' }, vote: { type: 'more_than_half', base: 'present' } };
const attend = (present: number) =>
  MEMBERS.map((m, i) => ({ memberKey: m.key, status: i < present ? 'present' : 'absent' }));

let council: string;
let topic: string;

beforeAll(async () => {
  await setupStrapi();
  token = (await createAdmin('strapi-super-admin')).token;
  const c = await admin('post', '/councils', {
    name: '测试议事会',
    code: 'T-NC1',
    kind: 'neighbourhood_council',
    members: MEMBERS,
    rule: RULE,
    cadence: 'monthly',
  });
  expect(c.status).toBe(201);
  council = c.body.data.documentId;
  const t = await admin('post', '/topics', { title: '小区停车难', raisedBy: 'resident', sourceText: '晚上车位不够' });
  expect(t.status).toBe(201);
  topic = t.body.data.documentId;
});
afterAll(teardownStrapi);

async function meetingWithMinutes(
  present: number,
  votes: Array<{ for: number; against: number; abstain: number } | null>,
  minutes = '会议讨论了停车问题。',
) {
  const m = await admin('post', '/meetings', {
    council,
    title: '第一次议事会',
    startAt: '2026-03-10T01:00:00.000Z',
    place: '党群服务中心',
    agenda: [{ position: 1, title: '停车', topicDocumentId: topic }],
  });
  expect(m.status).toBe(201);
  const id = m.body.data.documentId;
  expect((await admin('post', `/meetings/${id}/transition`, { to: 'held' })).status).toBe(200);
  const u = await admin('put', `/meetings/${id}`, {
    attendance: attend(present),
    minutes,
    decisions: votes.map((v, i) => ({
      key: `D${i + 1}`,
      text: `决议${i + 1}`,
      topicDocumentId: i === 0 ? topic : undefined,
      votes: v,
    })),
  });
  expect(u.status).toBe(200);
  expect((await admin('post', `/meetings/${id}/transition`, { to: 'minutes_draft' })).status).toBe(200);
  return { id, body: u.body.data };
}

describe('quorum and votes', () => {
  it('5 of 9 present is a quorum (more than half), decisions pass on more than half of those present', async () => {
    const { body } = await meetingWithMinutes(5, [
      { for: 3, against: 2, abstain: 0 },
      { for: 2, against: 1, abstain: 2 },
    ]);
    expect(body.quorum).toMatchObject({ members: 9, present: 5, needed: 5, met: true });
    expect(body.decisions.map((d: any) => d.passed)).toEqual([true, false]);
    expect(JSON.stringify(body)).not.toContain('1390378');
  });

  it('4 of 9 present: approval refused naming the quorum rule, status unchanged', async () => {
    const { id } = await meetingWithMinutes(4, [{ for: 4, against: 0, abstain: 0 }]);
    const r = await admin('post', `/meetings/${id}/transition`, { to: 'minutes_approved' });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/^attendance: quorum not met: 4 present, 5 needed/);
    expect((await admin('get', `/meetings/${id}`)).body.data.status).toBe('minutes_draft');
  });

  it('a decision without its vote blocks approval', async () => {
    const { id } = await meetingWithMinutes(6, [{ for: 4, against: 0, abstain: 0 }, null]);
    const r = await admin('post', `/meetings/${id}/transition`, { to: 'minutes_approved' });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toBe(
      'decisions.1.votes: every decision needs its vote before approval (审定前每项决议都须表决)',
    );
  });

  it('empty minutes: approval refused in English and Chinese, read by the field label in the admin', async () => {
    const { id } = await meetingWithMinutes(6, [{ for: 4, against: 0, abstain: 0 }], '  ');
    const r = await admin('post', `/meetings/${id}/transition`, { to: 'minutes_approved' });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toBe('minutes: minutes are empty (纪要内容为空)');
    expect(r.body.error.details.errors[0].path).toEqual(['minutes']);
    expect(refusalText(r.body.error.message, 'zh-Hans')).toBe('纪要：纪要内容为空');
    expect(refusalText(r.body.error.message, 'en')).toBe('Minutes: minutes are empty');
    const missing = await admin('get', '/meetings/no-such-meeting');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('meeting: not found (会议不存在)');
    expect(refusalText(missing.body.error.message, 'zh-Hans')).toBe('会议不存在');
  });

  it('more votes than members present → 400 naming the field, nothing written', async () => {
    const m = await admin('post', '/meetings', { council, title: '票数校验', startAt: '2026-03-11T01:00:00.000Z' });
    const before = await admin('get', `/meetings/${m.body.data.documentId}`);
    const r = await admin('put', `/meetings/${m.body.data.documentId}`, {
      attendance: attend(3),
      decisions: [{ key: 'D1', text: 'x', votes: { for: 4, against: 0, abstain: 0 } }],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe(
      'decisions.0.votes: 4 votes cast but only 3 members present (投票 4 票，多于出席人数 3)',
    );
    const after = await admin('get', `/meetings/${m.body.data.documentId}`);
    expect(after.body.data.attendance).toEqual(before.body.data.attendance);
    expect(after.body.data.quorumRecorded).toBe(false);
  });
});

describe('bad input', () => {
  it.each([
    [{ council: 'x', title: '', startAt: '2026-03-10T01:00:00Z' }, /^title: /],
    [{ council: 'x', title: 'ok', startAt: 'yesterday' }, /^startAt: /],
    [{ title: 'ok', startAt: '2026-03-10T01:00:00Z' }, /^council: /],
  ])('meeting %j → 400 naming the field; no meeting written', async (body, message) => {
    const before = await count('plugin::deliberation.meeting');
    const r = await admin('post', '/meetings', body);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(message);
    expect(await count('plugin::deliberation.meeting')).toBe(before);
  });

  it('an attendance entry for a non-member → 400', async () => {
    const m = await admin('post', '/meetings', { council, title: '非成员', startAt: '2026-03-12T01:00:00.000Z' });
    const r = await admin('put', `/meetings/${m.body.data.documentId}`, {
      attendance: [{ memberKey: 'ghost', status: 'present' }],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe(
      'attendance.0.memberKey: ghost is not a member of the council (ghost 不是本议事会成员)',
    );
  });
});

describe('status flow, publication, action items, topic closure', () => {
  let meeting: string;
  let publicMeetings: () => Promise<any>;

  beforeAll(async () => {
    publicMeetings = () => http().get('/api/deliberation/meetings');
    await admin('post', `/topics/${topic}/transition`, { to: 'scheduled' });
    await admin('post', `/topics/${topic}/transition`, { to: 'deliberated' });
    meeting = (await meetingWithMinutes(7, [{ for: 6, against: 1, abstain: 0 }])).id;
  });

  it('refuses skipping a step and records nothing', async () => {
    const trail = await count('plugin::deliberation.transition', { subjectId: meeting });
    const r = await admin('post', `/meetings/${meeting}/transition`, { to: 'published' });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toBe(
      'status: meeting cannot go from minutes_draft to published (allowed: minutes_approved) (不能从“纪要起草中”变为“已公开”，可变为：纪要已审定)',
    );
    expect(await count('plugin::deliberation.transition', { subjectId: meeting })).toBe(trail);
  });

  it('draft minutes are never public', async () => {
    expect((await http().get(`/api/deliberation/meetings/${meeting}`)).status).toBe(404);
    expect((await publicMeetings()).body.data.find((m: any) => m.documentId === meeting)).toBeUndefined();
  });

  it('approval moves the decided topic; publishing creates exactly one publicity notice; the meeting becomes public', async () => {
    const notices = await count('api::notice.notice');
    expect((await admin('post', `/meetings/${meeting}/transition`, { to: 'minutes_approved' })).status).toBe(200);
    expect((await http().get(`/api/deliberation/topics/${topic}`)).body.data.status).toBe('decided');
    expect((await admin('put', `/meetings/${meeting}`, { minutes: '偷偷改' })).status).toBe(409);
    const p = await admin('post', `/meetings/${meeting}/transition`, { to: 'published' });
    expect(p.status).toBe(200);
    // draft + published rows of one notice document
    expect(await count('api::notice.notice')).toBe(notices + 2);
    const n = await http().get(`/api/notices?filters[documentId][$eq]=${p.body.data.noticeDocumentId}`);
    expect(n.body.data).toHaveLength(1);
    expect(n.body.data[0].category).toBe('publicity');
    const pub = await http().get(`/api/deliberation/meetings/${meeting}`);
    expect(pub.status).toBe(200);
    expect(pub.body.data.minutes).toBe('会议讨论了停车问题。');
    expect(pub.body.data.decisions[0]).toMatchObject({
      key: 'D1',
      passed: true,
      votes: { for: 6, against: 1, abstain: 0 },
    });
    expect(JSON.stringify(pub.body)).not.toContain('1390378');
  });

  it('a correction after publication is a new revision and updates the same notice', async () => {
    const notices = await count('api::notice.notice');
    const before = (await admin('get', `/meetings/${meeting}`)).body.data.noticeDocumentId;
    const r = await admin('post', `/meetings/${meeting}/corrections`, {
      reason: '更正错别字',
      minutes: '会议讨论了停车难问题。',
    });
    expect(r.status).toBe(200);
    expect(r.body.data.revision).toBe(1);
    expect(r.body.data.noticeDocumentId).toBe(before);
    expect(await count('api::notice.notice')).toBe(notices);
    const pub = await http().get(`/api/deliberation/meetings/${meeting}`);
    expect(pub.body.data.minutes).toBe('会议讨论了停车难问题。');
    expect(pub.body.data.revisions).toEqual([
      expect.objectContaining({ number: 1, reason: '更正错别字', minutes: '会议讨论了停车问题。' }),
    ]);
    const n = await http().get(`/api/notices/${before}`);
    expect(JSON.stringify(n.body)).toContain('更正');
  });

  it('action items: overdue computed, public list hides phones, last verification closes the topic, residents evaluate once', async () => {
    const mk = (title: string, dueDate: string) =>
      admin('post', '/action-items', {
        meeting,
        decisionKey: 'D1',
        title,
        ownerKind: 'unit',
        ownerName: '县住建局',
        ownerPhone: '13903789999',
        dueDate,
      });
    const late = await mk('划线增设车位', '2020-01-01');
    const later = await mk('协调夜间共享车位', '2099-12-31');
    expect(late.status).toBe(201);
    expect(JSON.stringify(late.body)).not.toContain('13903789999');
    expect((await http().get(`/api/deliberation/topics/${topic}`)).body.data.status).toBe('implementing');
    expect(
      (
        await admin('post', '/action-items', {
          meeting,
          decisionKey: 'D9',
          title: 'x',
          ownerKind: 'unit',
          ownerName: 'y',
          dueDate: '2026-01-01',
        })
      ).body.error.message,
    ).toBe('decisionKey: no decision D9 in this meeting (本次会议没有该决议)');

    const list = await http().get('/api/deliberation/action-items?owner=县住建局');
    expect(list.status).toBe(200);
    expect(list.body.data.map((i: any) => [i.title, i.overdue])).toEqual([
      ['划线增设车位', true],
      ['协调夜间共享车位', false],
    ]);
    expect(JSON.stringify(list.body)).not.toContain('13903789999');

    const go = (id: string, to: string, extra = {}) =>
      admin('post', `/action-items/${id}/transition`, { to, ...extra });
    const L = late.body.data.documentId;
    const R = later.body.data.documentId;
    expect((await go(L, 'verified')).status).toBe(409);
    const noNote = await go(L, 'done');
    expect(noNote.body.error.message).toBe('resultNote: a done item needs a result note (办结须填写办理结果)');
    expect((await go(L, 'done', { resultNote: '已划线 20 个车位' })).status).toBe(200);
    expect((await http().get('/api/deliberation/action-items?owner=县住建局&status=done')).body.data[0]).toMatchObject({
      title: '划线增设车位',
      overdue: false,
    });
    expect((await go(L, 'verified')).status).toBe(200);
    expect((await http().get(`/api/deliberation/topics/${topic}`)).body.data.status).toBe('implementing');
    await go(R, 'in_progress');
    await go(R, 'done', { resultNote: '已协调' });
    expect((await go(R, 'verified')).status).toBe(200);
    const t = await http().get(`/api/deliberation/topics/${topic}`);
    expect(t.body.data.status).toBe('closed');
    expect(t.body.data.trail.map((s: any) => s.to)).toEqual([
      'collected',
      'scheduled',
      'deliberated',
      'decided',
      'implementing',
      'closed',
    ]);
    const items = () => strapi().db.query('plugin::deliberation.action-item').count({});
    const before = await items();
    const reopen = await mk('再增设车位', '2099-12-31');
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.message).toBe(
      'decisionKey: the topic of decision D1 is already closed; raise a new topic for further work (该决议的议题已办结，后续工作请另立议题)',
    );
    expect(await items()).toBe(before);
    expect((await http().get(`/api/deliberation/topics/${topic}`)).body.data.status).toBe('closed');

    expect(
      (await http().post(`/api/deliberation/topics/${topic}/evaluations`).send({ verdict: 'satisfied' })).status,
    ).toBe(403);
    const resident = await createUser('authenticated');
    const bad = await http()
      .post(`/api/deliberation/topics/${topic}/evaluations`)
      .set(bearer(resident.jwt))
      .send({ verdict: 'great' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^verdict: /);
    const ok = await http()
      .post(`/api/deliberation/topics/${topic}/evaluations`)
      .set(bearer(resident.jwt))
      .send({ verdict: 'satisfied' });
    expect(ok.status).toBe(201);
    const twice = await http()
      .post(`/api/deliberation/topics/${topic}/evaluations`)
      .set(bearer(resident.jwt))
      .send({ verdict: 'unsatisfied' });
    expect(twice.status).toBe(409);
    const after = await http().get(`/api/deliberation/topics/${topic}`);
    expect(after.body.data.status).toBe('evaluated');
    expect(after.body.data.evaluations).toEqual({ satisfied: 1 });
  });

  it('the evaluation window comes from settings', async () => {
    expect((await admin('put', '/settings', { evaluationWindowDays: 0 })).status).toBe(400);
    expect((await admin('put', '/settings', { evaluationWindowDays: 7 })).body.data.evaluationWindowDays).toBe(7);
    const t = await admin('post', '/topics', { title: '旧议题', raisedBy: 'grid_head', sourceText: '早已办结' });
    await strapi()
      .db.query('plugin::deliberation.topic')
      .update({
        where: { documentId: t.body.data.documentId },
        data: { status: 'closed', closedAt: new Date(Date.now() - 8 * 86400000) },
      });
    const resident = await createUser('authenticated');
    const r = await http()
      .post(`/api/deliberation/topics/${t.body.data.documentId}/evaluations`)
      .set(bearer(resident.jwt))
      .send({ verdict: 'satisfied' });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toBe('topic: the evaluation window of 7 days has closed (7 天评议期已结束)');
  });
});

describe('who may call', () => {
  it('admin routes refuse a missing token and public users', async () => {
    expect((await http().get(`${A}/meetings`)).status).toBe(401);
    expect((await http().post(`${A}/meetings`).send({})).status).toBe(401);
  });
});
