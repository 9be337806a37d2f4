import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { activity, community, countCheckIns, member, unit } from './fixtures';
import { staffAt } from '../scoping/fixtures';

// A check-in is decided on the activity, the rule set and the account link as they are at that
// moment, also right after staff changed them. The PostgreSQL path remembers them between requests
// of the same account for the same activity and must notice every change, so each case has the
// same member check in, out, and in again across the change (SQLite reads them each time).
let c: any;
let u: any;
let staff: string;
const CM = '/content-manager';

beforeAll(async () => {
  await setupStrapi();
  c = await community();
  u = await unit(c);
  // Community staff work in their community (staff assignment): the plugin's admin routes are scoped.
  staff = (await staffAt('community-staff', c)).token;
});
afterAll(teardownStrapi);

let n = 0;
const post = (jwt: string, body: unknown) =>
  http()
    .post('/api/double-report/check-ins')
    .set(bearer(jwt))
    .set('Idempotency-Key', `chg-${++n}`)
    .send(body as object);
/** A finished session before the change: the member's next check-in to `a` is the one under test. */
async function session(jwt: string, a: any, body: Record<string, unknown> = { source: 'qr', token: a.qrToken }) {
  expect((await post(jwt, { activity: a.documentId, ...body })).status).toBe(201);
  expect(
    (await http().post('/api/double-report/check-outs').set(bearer(jwt)).send({ activity: a.documentId })).status,
  ).toBe(200);
}

describe('check-ins follow what staff change', () => {
  it('a QR token rotated by staff refuses the old code at once and accepts the new one', async () => {
    const a = await activity(c);
    const [m1, m2] = [await member(u, c), await member(u, c)];
    await session(m1.jwt, a);
    await session(m2.jwt, a);
    const qr = await http().get(`/double-report/activities/${a.documentId}/qr?rotate=true`).set(bearer(staff));
    expect(qr.status).toBe(200);
    const token = new URL(qr.body.data.url).searchParams.get('token')!;
    expect(token).not.toBe(a.qrToken);
    const old = await post(m1.jwt, { activity: a.documentId, source: 'qr', token: a.qrToken });
    expect(old.status).toBe(400);
    expect(old.body.error.message).toMatch(/^token:/);
    expect((await post(m2.jwt, { activity: a.documentId, source: 'qr', token })).status).toBe(201);
    expect(await countCheckIns({ activityRef: a.id })).toBe(3);
  });

  it('an activity ended early in the Content Manager takes no more check-ins', async () => {
    const a = await activity(c);
    const m = await member(u, c);
    await session(m.jwt, a);
    const ended = await http()
      .put(`${CM}/collection-types/plugin::double-report.activity/${a.documentId}`)
      .set(bearer(staff))
      .send({ endsAt: new Date(Date.now() - 60000).toISOString() });
    expect(ended.status).toBe(200);
    const late = await post(m.jwt, { activity: a.documentId, source: 'gps', lat: 34.4123, lng: 114.1935 });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toMatch(/^activity:.*ended/);
    expect(await countCheckIns({ memberRef: m.id })).toBe(1);
  });

  it('a moved activity location is the one GPS is checked against', async () => {
    const a = await activity(c);
    const m = await member(u, c);
    await session(m.jwt, a, { source: 'gps', lat: 34.4123, lng: 114.1935 });
    // About 2.2 km north: the old position is now outside the 200 m radius.
    const moved = await http()
      .put(`${CM}/collection-types/plugin::double-report.activity/${a.documentId}`)
      .set(bearer(staff))
      .send({ lat: 34.4323 });
    expect(moved.status).toBe(200);
    const there = await post(m.jwt, { activity: a.documentId, source: 'gps', lat: 34.4123, lng: 114.1935 });
    expect(there.status).toBe(400);
    expect(there.body.error.message).toMatch(/^lat: .*radius/);
    expect((await post(m.jwt, { activity: a.documentId, source: 'gps', lat: 34.4323, lng: 114.1935 })).status).toBe(
      201,
    );
  });

  it('a shorter QR lifetime in the rule set expires a code at once', async () => {
    // Rotated six minutes ago: valid under the default 10 minutes, expired under 5.
    const a = await activity(c, { qrRotatedAt: new Date(Date.now() - 6 * 60000).toISOString() });
    const m = await member(u, c);
    await session(m.jwt, a);
    // The rule set is county-wide: a Super Admin sets it (community staff only read it).
    const root = (await createAdmin()).token;
    const rules = await http()
      .put(`${CM}/single-types/plugin::double-report.rule-set`)
      .set(bearer(root))
      .send({ qrTokenTtlMinutes: 5 });
    expect(rules.status).toBe(200);
    try {
      const expired = await post(m.jwt, { activity: a.documentId, source: 'qr', token: a.qrToken });
      expect(expired.status).toBe(400);
      expect(expired.body.error.message).toMatch(/^token: .*expired/);
    } finally {
      await http()
        .put(`${CM}/single-types/plugin::double-report.rule-set`)
        .set(bearer(root))
        .send({ qrTokenTtlMinutes: 10 });
    }
  });

  it('an account moved to another member checks in as that member; an unlinked one is refused', async () => {
    const a = await activity(c);
    const m = await member(u, c);
    const other = await member(u, c);
    await session(m.jwt, a);
    const MEMBER = 'plugin::double-report.member';
    await strapi()
      .db.query(MEMBER)
      .update({ where: { id: m.id }, data: { account: null } });
    await strapi()
      .db.query(MEMBER)
      .update({ where: { id: other.id }, data: { account: m.userId } });
    const moved = await post(m.jwt, { activity: a.documentId, source: 'qr', token: a.qrToken });
    expect(moved.status).toBe(201);
    expect(await countCheckIns({ memberRef: other.id, activityRef: a.id })).toBe(1);
    expect(await countCheckIns({ memberRef: m.id, activityRef: a.id })).toBe(1);
    await http().post('/api/double-report/check-outs').set(bearer(m.jwt)).send({ activity: a.documentId });
    await strapi()
      .db.query(MEMBER)
      .update({ where: { id: other.id }, data: { account: null } });
    const unlinked = await post(m.jwt, { activity: a.documentId, source: 'qr', token: a.qrToken });
    expect(unlinked.status).toBe(403);
    expect(unlinked.body.error.message).toMatch(/^account:/);
    expect(await countCheckIns({ activityRef: a.id })).toBe(2);
  });

  it('an activity deleted by staff is no such activity (400), nothing written', async () => {
    const a = await activity(c);
    const m = await member(u, c);
    await session(m.jwt, a);
    await strapi()
      .db.query('plugin::double-report.check-in')
      .deleteMany({ where: { activityRef: a.id } });
    expect(
      (await http().delete(`${CM}/collection-types/plugin::double-report.activity/${a.documentId}`).set(bearer(staff)))
        .status,
    ).toBe(200);
    const gone = await post(m.jwt, { activity: a.documentId, source: 'qr', token: a.qrToken });
    expect(gone.status).toBe(400);
    expect(gone.body.error.message).toMatch(/^activity: no such activity/);
    expect(await countCheckIns({ memberRef: m.id })).toBe(0);
  });
});
