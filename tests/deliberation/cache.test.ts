import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { busDelay, withOtherInstance } from '../helpers/instance';
import { bearer, createAdmin, createApiToken, createUser } from '../helpers/auth';

let token: string;
let adminLogin: { email: string; password: string };
let apiToken: string;
const A = '/deliberation';
const P = '/api/deliberation';
const admin = (method: 'get' | 'post' | 'put', path: string, body?: unknown) => {
  const req = http()[method](`${A}${path}`).set(bearer(token));
  return body === undefined ? req : req.send(body as object);
};
const staffGet = (path: string, etag?: string) => {
  const req = http().get(`${A}${path}`).set(bearer(token));
  return etag ? req.set('If-None-Match', etag) : req;
};
const publicGet = (path: string, etag?: string) =>
  etag ? http().get(`${P}${path}`).set('If-None-Match', etag) : http().get(`${P}${path}`);

const MEMBERS = Array.from({ length: 5 }, (_, i) => ({
  key: `m${i + 1}`,
  name: `成员${i + 1}`,
  phone: `1390378${String(i).padStart(4, '0')}`,
}));
const RULE = { quorum: { type: 'more_than_half' }, vote: { type: 'more_than_half', base: 'present' } };
const PRESENT = MEMBERS.map((m) => ({ memberKey: m.key, status: 'present' }));

let council: string;
let topic: string;
let meeting: string;
let item: string;

/** A meeting driven to published minutes, one decision settling `topicId`. */
async function publishedMeeting(title: string, topicId: string) {
  const m = await admin('post', '/meetings', { council, title, startAt: '2026-03-10T01:00:00.000Z' });
  const id = m.body.data.documentId as string;
  await admin('post', `/meetings/${id}/transition`, { to: 'held' });
  await admin('put', `/meetings/${id}`, {
    attendance: PRESENT,
    minutes: '缓存测试纪要',
    decisions: [{ key: 'D1', text: '决议', topicDocumentId: topicId, votes: { for: 5, against: 0, abstain: 0 } }],
  });
  for (const to of ['minutes_draft', 'minutes_approved', 'published'])
    expect((await admin('post', `/meetings/${id}/transition`, { to })).status).toBe(200);
  return id;
}

beforeAll(async () => {
  await setupStrapi();
  const staff = await createAdmin('strapi-super-admin');
  token = staff.token;
  adminLogin = { email: staff.email, password: staff.password };
  apiToken = await createApiToken('full-access');
  council = (
    await admin('post', '/councils', {
      name: '缓存议事会',
      code: 'C-NC1',
      kind: 'neighbourhood_council',
      members: MEMBERS,
      rule: RULE,
    })
  ).body.data.documentId;
  topic = (await admin('post', '/topics', { title: '缓存议题', raisedBy: 'resident', sourceText: '测试' })).body.data
    .documentId;
  await admin('post', `/topics/${topic}/transition`, { to: 'scheduled' });
  await admin('post', `/topics/${topic}/transition`, { to: 'deliberated' });
  meeting = await publishedMeeting('缓存会议', topic);
  const created = await admin('post', '/action-items', {
    meeting,
    decisionKey: 'D1',
    title: '缓存事项',
    ownerKind: 'unit',
    ownerName: '县住建局',
    ownerPhone: '13903789999',
    dueDate: '2099-01-01',
  });
  expect(created.status).toBe(201);
  item = created.body.data.documentId;
});
afterAll(teardownStrapi);

const PUBLIC_ROUTES = () => [
  '/meetings',
  `/meetings/${meeting}`,
  '/topics',
  `/topics/${topic}`,
  '/action-items',
  '/action-items?owner=县住建局',
];
const STAFF_ROUTES = () => [
  '/councils',
  '/topics',
  '/meetings',
  `/meetings/${meeting}`,
  '/action-items',
  '/action-items?owner=县住建局',
  '/action-items/owners',
  '/calendar?year=2026',
];

describe('validators and 304', () => {
  it('every public read sends validators, a public Cache-Control, and answers 304 to a matching request', async () => {
    for (const route of PUBLIC_ROUTES()) {
      const first = await publicGet(route);
      expect([route, first.status]).toEqual([route, 200]);
      expect(first.headers.etag).toMatch(/^W\/".+"$/);
      expect(first.headers['last-modified']).toBeTruthy();
      expect(first.headers['cache-control']).toMatch(/public/);
      const again = await publicGet(route, first.headers.etag);
      expect([route, again.status]).toEqual([route, 304]);
      expect((await http().get(`${P}${route}`).set('If-Modified-Since', first.headers['last-modified'])).status).toBe(
        304,
      );
      // The fast path serves the same body the route built.
      expect((await publicGet(route)).body).toEqual(first.body);
    }
  });

  it('every staff read sends private validators and answers 304 to a matching request', async () => {
    for (const route of STAFF_ROUTES()) {
      const first = await staffGet(route);
      expect([route, first.status]).toEqual([route, 200]);
      expect(first.headers.etag).toMatch(/^W\/".+"$/);
      expect(first.headers['cache-control']).toBe('private, no-cache');
      expect(first.headers.vary).toMatch(/Authorization/);
      expect([route, (await staffGet(route, first.headers.etag)).status]).toEqual([route, 304]);
    }
  });

  it('a staff copy is never served without the admin token, and a public copy never to a token caller', async () => {
    const staff = await staffGet('/action-items');
    expect((await http().get(`${A}/action-items`).set('If-None-Match', staff.headers.etag)).status).toBe(401);
    await publicGet('/meetings');
    const withToken = await http().get(`${P}/meetings`).set(bearer(apiToken));
    expect(withToken.status).toBe(200);
    expect(withToken.headers.etag).toBeUndefined();
  });

  it('phones never reach a cached copy', async () => {
    for (const route of PUBLIC_ROUTES()) expect(JSON.stringify((await publicGet(route)).body)).not.toContain('1390378');
    for (const route of STAFF_ROUTES()) expect(JSON.stringify((await staffGet(route)).body)).not.toContain('1390378');
  });
});

describe('every kind of write is seen by the very next request', () => {
  /** Reads `route` with the ETag it had before `change`; expects a 200 whose body `check` accepts. */
  async function after(
    read: (etag?: string) => Promise<{ status: number; headers: Record<string, string>; body: any }>,
    change: () => Promise<unknown>,
    check: (body: any) => void,
  ) {
    const before = await read();
    expect(before.status).toBe(200);
    await change();
    const next = await read(before.headers.etag);
    expect(next.status).toBe(200);
    expect(next.headers.etag).not.toBe(before.headers.etag);
    check(next.body);
  }

  it('council edits (staff councils) and a new topic (public and staff topics)', async () => {
    await after(
      (e) => staffGet('/councils', e),
      () =>
        admin('post', '/councils', {
          name: '新议事会',
          code: 'C-NC2',
          kind: 'residents_forum',
          members: MEMBERS,
          rule: RULE,
        }),
      (b) => expect(b.data.map((c: any) => c.code)).toContain('C-NC2'),
    );
    let fresh = '';
    await after(
      (e) => publicGet('/topics', e),
      async () =>
        (fresh = (await admin('post', '/topics', { title: '新议题', raisedBy: 'resident', sourceText: '新' })).body.data
          .documentId),
      (b) => expect(b.data.map((t: any) => t.documentId)).toContain(fresh),
    );
    await after(
      (e) => staffGet('/topics', e),
      () => admin('post', `/topics/${fresh}/transition`, { to: 'scheduled' }),
      (b) => expect(b.data.find((t: any) => t.documentId === fresh).status).toBe('scheduled'),
    );
    await after(
      (e) => publicGet(`/topics/${fresh}`, e),
      () => admin('post', `/topics/${fresh}/transition`, { to: 'collected', reason: '退回' }),
      (b) => expect(b.data.trail.map((s: any) => s.to)).toEqual(['collected', 'scheduled', 'collected']),
    );
  });

  it('agenda, attendance, minutes, decisions and votes (workspace), meeting moves (meetings, calendar), publication (public)', async () => {
    const m = (await admin('post', '/meetings', { council, title: '第二次会议', startAt: '2026-04-10T01:00:00.000Z' }))
      .body.data.documentId as string;
    await admin('post', `/meetings/${m}/transition`, { to: 'held' });
    const ws = (e?: string) => staffGet(`/meetings/${m}`, e);
    await after(
      ws,
      () => admin('put', `/meetings/${m}`, { agenda: [{ position: 1, title: '议程一' }] }),
      (b) => expect(b.data.agenda[0].title).toBe('议程一'),
    );
    await after(
      ws,
      () => admin('put', `/meetings/${m}`, { attendance: PRESENT.slice(0, 3) }),
      (b) => expect(b.data.quorum).toMatchObject({ present: 3, met: true }),
    );
    await after(
      ws,
      () => admin('put', `/meetings/${m}`, { minutes: '第二次纪要' }),
      (b) => expect(b.data.minutes).toBe('第二次纪要'),
    );
    await after(
      ws,
      () => admin('put', `/meetings/${m}`, { decisions: [{ key: 'D1', text: '第二次决议', votes: null }] }),
      (b) => expect(b.data.decisions[0].passed).toBeNull(),
    );
    await after(
      ws,
      () =>
        admin('put', `/meetings/${m}`, {
          decisions: [{ key: 'D1', text: '第二次决议', votes: { for: 3, against: 0, abstain: 0 } }],
        }),
      (b) => expect(b.data.decisions[0].passed).toBe(true),
    );
    await after(
      (e) => staffGet('/meetings', e),
      () => admin('post', `/meetings/${m}/transition`, { to: 'minutes_draft' }),
      (b) => expect(b.data.find((x: any) => x.documentId === m).status).toBe('minutes_draft'),
    );
    await after(
      (e) => staffGet('/calendar?year=2026', e),
      () => admin('post', `/meetings/${m}/transition`, { to: 'minutes_approved' }),
      (b) => expect(b.data.months[3].meetings.find((x: any) => x.documentId === m).status).toBe('minutes_approved'),
    );
    await after(
      (e) => publicGet('/meetings', e),
      () => admin('post', `/meetings/${m}/transition`, { to: 'published' }),
      (b) => expect(b.data.map((x: any) => x.documentId)).toContain(m),
    );
    await after(
      (e) => publicGet(`/meetings/${m}`, e),
      () => admin('post', `/meetings/${m}/corrections`, { reason: '更正', minutes: '更正后的纪要' }),
      (b) => {
        expect(b.data.minutes).toBe('更正后的纪要');
        expect(b.data.revisions).toHaveLength(1);
      },
    );
  });

  it('action items: assignment and every move (public list, meeting detail, board, owner filter, owner summary)', async () => {
    const t2 = (await admin('post', '/topics', { title: '事项议题', raisedBy: 'resident', sourceText: '事项' })).body
      .data.documentId;
    await admin('post', `/topics/${t2}/transition`, { to: 'scheduled' });
    await admin('post', `/topics/${t2}/transition`, { to: 'deliberated' });
    const m = await publishedMeeting('事项会议', t2);
    let second = '';
    await after(
      (e) => publicGet('/action-items', e),
      async () =>
        (second = (
          await admin('post', '/action-items', {
            meeting: m,
            decisionKey: 'D1',
            title: '第二事项',
            ownerKind: 'unit',
            ownerName: '县城管局',
            dueDate: '2020-01-01',
          })
        ).body.data.documentId),
      (b) => expect(b.data[0]).toMatchObject({ documentId: second, overdue: true }),
    );
    const move = (id: string, to: string, extra = {}) =>
      admin('post', `/action-items/${id}/transition`, { to, ...extra });
    await after(
      (e) => staffGet('/action-items', e),
      () => move(second, 'in_progress'),
      (b) => expect(b.data.find((i: any) => i.documentId === second).status).toBe('in_progress'),
    );
    await after(
      (e) => staffGet('/action-items?owner=县城管局', e),
      () => move(second, 'done', { resultNote: '已办' }),
      (b) => expect(b.data[0]).toMatchObject({ status: 'done', overdue: false }),
    );
    await after(
      (e) => staffGet('/action-items/owners', e),
      () => move(second, 'verified'),
      (b) => expect(b.data.find((o: any) => o.ownerName === '县城管局')).toMatchObject({ verified: 1, pending: 0 }),
    );
    await after(
      (e) => publicGet(`/meetings/${meeting}`, e),
      () => move(item, 'in_progress'),
      (b) => expect(b.data.actionItems[0].status).toBe('in_progress'),
    );
    await after(
      (e) => staffGet(`/meetings/${meeting}`, e),
      () => move(item, 'done', { resultNote: '已办结' }),
      (b) => expect(b.data.actionItems[0].status).toBe('done'),
    );
    // The last verification closes the topic: the public topic shows it at once.
    await after(
      (e) => publicGet(`/topics/${topic}`, e),
      () => move(item, 'verified'),
      (b) => expect(b.data.status).toBe('closed'),
    );
  });

  it('a resident evaluation (public topic)', async () => {
    const resident = await createUser('authenticated');
    await after(
      (e) => publicGet(`/topics/${topic}`, e),
      () => http().post(`${P}/topics/${topic}/evaluations`).set(bearer(resident.jwt)).send({ verdict: 'satisfied' }),
      (b) => {
        expect(b.data.status).toBe('evaluated');
        expect(b.data.evaluations).toEqual({ satisfied: 1 });
      },
    );
  });

  it('a refused write changes nothing (same ETag)', async () => {
    const before = await publicGet(`/topics/${topic}`);
    expect((await admin('post', `/topics/${topic}/transition`, { to: 'collected' })).status).toBe(409);
    expect((await publicGet(`/topics/${topic}`, before.headers.etag)).status).toBe(304);
  });
});

describe('two app instances on one database', () => {
  for (const redis of [false, true]) {
    it(`instance B sees a move made through instance A at once (${redis ? 'Redis broadcast' : 'database validators'})`, async () => {
      await withOtherInstance(redis, async (url) => {
        const b = (p: string, headers: Record<string, string> = {}) => fetch(url + p, { headers });
        const t = (
          await admin('post', '/topics', {
            title: `跨实例议题 ${redis ? 'redis' : 'db'}`,
            raisedBy: 'resident',
            sourceText: '跨实例',
          })
        ).body.data.documentId;
        const route = `${P}/topics/${t}`;
        const first = await b(route);
        expect(first.status).toBe(200);
        const etag = first.headers.get('etag')!;
        expect((await b(route, { 'If-None-Match': etag })).status).toBe(304);
        // Each instance signs its own admin sessions: the staff caller logs in on B.
        const login = await fetch(`${url}/admin/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(adminLogin),
        });
        const tokenB = ((await login.json()) as any).data.token as string;
        const staffFirst = await b(`${A}/topics`, { Authorization: `Bearer ${tokenB}` });
        expect(staffFirst.status).toBe(200);

        expect((await admin('post', `/topics/${t}/transition`, { to: 'scheduled' })).status).toBe(200);
        await busDelay(redis);
        const next = await b(route, { 'If-None-Match': etag });
        expect(next.status).toBe(200);
        expect(((await next.json()) as any).data.status).toBe('scheduled');
        const staffNext = await b(`${A}/topics`, {
          Authorization: `Bearer ${tokenB}`,
          'If-None-Match': staffFirst.headers.get('etag')!,
        });
        expect(staffNext.status).toBe(200);
        expect(((await staffNext.json()) as any).data.find((x: any) => x.documentId === t).status).toBe('scheduled');
      });
    });
  }
});
