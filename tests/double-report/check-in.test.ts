import request from 'supertest';
import { setupStrapi, teardownStrapi, http, strapi, listenStrapi } from '../helpers/strapi';
import { bearer } from '../helpers/auth';
import { activity, community, countCheckIns, member, unit } from './fixtures';

let c: any;
let u: any;
let baseUrl: string;

beforeAll(async () => {
  await setupStrapi();
  baseUrl = await listenStrapi();
  c = await community();
  u = await unit(c);
});
afterAll(teardownStrapi);

// A real port: 200 concurrent requests through supertest's per-request ephemeral servers reset connections.
const post = (jwt: string, body: unknown, key?: string) => {
  const req = request(baseUrl).post('/api/double-report/check-ins').set(bearer(jwt));
  if (key) req.set('Idempotency-Key', key);
  return req.send(body as object);
};

describe('check-in idempotency', () => {
  it('refuses a check-in without an Idempotency-Key (400 naming the header), nothing stored', async () => {
    const m = await member(u, c);
    const a = await activity(c);
    const res = await post(m.jwt, { activity: a.documentId, source: 'qr', token: a.qrToken });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Idempotency-Key/);
    expect(await countCheckIns({ memberRef: m.id })).toBe(0);
  });

  it('replays the first response for the same key and body, 422 for another body', async () => {
    const m = await member(u, c);
    const a = await activity(c);
    const body = { activity: a.documentId, source: 'qr', token: a.qrToken };
    const first = await post(m.jwt, body, 'k-1');
    expect(first.status).toBe(201);
    expect(first.body.data.status).toBe('pending');
    const again = await post(m.jwt, body, 'k-1');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await post(m.jwt, { activity: a.documentId, source: 'gps', lat: 34.4123, lng: 114.1935 }, 'k-1');
    expect(other.status).toBe(422);
    expect(await countCheckIns({ memberRef: m.id })).toBe(1);
  });

  it('answers 409 while the first request with the key is still in flight', async () => {
    const m = await member(u, c);
    const a = await activity(c);
    const body = { activity: a.documentId, source: 'qr', token: a.qrToken };
    const { createHash } = await import('crypto');
    // A key row in state in_flight, as versions before 2026-12-01 wrote while the first request ran
    // (keys are now written with their answer; the live race is the PostgreSQL-only test below).
    const hash = createHash('sha256')
      .update(`{"activity":${JSON.stringify(a.documentId)},"source":"qr","token":${JSON.stringify(a.qrToken)}}`)
      .digest('hex');
    await strapi()
      .db.query('plugin::double-report.idempotency-key')
      .create({
        data: {
          scope: `user:${m.account?.id ?? (await accountId(m))}`,
          key: 'busy',
          requestHash: hash,
          state: 'in_flight',
        },
      });
    const res = await post(m.jwt, body, 'busy');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/in flight/);
    expect(await countCheckIns({ memberRef: m.id })).toBe(0);
  });

  // PostgreSQL only: the test holds the first request's key row uncommitted, as a first request
  // being written on another instance would; SQLite has one writer, so a second request waits for it.
  (process.env.TEST_DB === 'postgres' ? it : it.skip)(
    'a request meeting the first one mid-write answers 409 in flight; its retry replays the first answer',
    async () => {
      const m = await member(u, c);
      const a = await activity(c);
      const body = { activity: a.documentId, source: 'qr', token: a.qrToken };
      const { createHash } = await import('crypto');
      const hash = createHash('sha256')
        .update(`{"activity":${JSON.stringify(a.documentId)},"source":"qr","token":${JSON.stringify(a.qrToken)}}`)
        .digest('hex');
      const now = new Date();
      const first = { data: { documentId: 'first-answer' } };
      const trx = await strapi().db.connection.transaction();
      await trx('dr_idempotency_keys').insert({
        document_id: 'racefirst',
        created_at: now,
        updated_at: now,
        published_at: now,
        scope: `user:${m.userId}`,
        key: 'race',
        request_hash: hash,
        state: 'done',
        response_status: 201,
        response_body: JSON.stringify(first),
      });
      const pending = post(m.jwt, body, 'race').then((r) => r);
      await new Promise((r) => setTimeout(r, 300));
      await trx.commit();
      const res = await pending;
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/in flight/);
      const again = await post(m.jwt, body, 'race');
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first);
      expect(await countCheckIns({ memberRef: m.id })).toBe(0);
    },
  );

  it('keys are scoped to the caller: two members may use the same key', async () => {
    const m1 = await member(u, c);
    const m2 = await member(u, c);
    const a = await activity(c);
    const body = { activity: a.documentId, source: 'qr', token: a.qrToken };
    expect((await post(m1.jwt, body, 'shared')).status).toBe(201);
    expect((await post(m2.jwt, body, 'shared')).status).toBe(201);
  });

  it('200 concurrent duplicate check-ins (distinct keys) store exactly one row', async () => {
    const m = await member(u, c);
    const a = await activity(c);
    const body = { activity: a.documentId, source: 'qr', token: a.qrToken };
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => post(m.jwt, body, `burst-${i}`)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    expect(await countCheckIns({ memberRef: m.id, activityRef: a.id })).toBe(1);
  });

  it('200 concurrent requests with one key run once', async () => {
    const m = await member(u, c);
    const a = await activity(c);
    const body = { activity: a.documentId, source: 'qr', token: a.qrToken };
    const results = await Promise.all(Array.from({ length: 200 }, () => post(m.jwt, body, 'same')));
    expect(results.every((r) => [201, 409].includes(r.status))).toBe(true);
    expect(await countCheckIns({ memberRef: m.id, activityRef: a.id })).toBe(1);
  });
});

async function accountId(m: any) {
  const row: any = await strapi()
    .db.query('plugin::double-report.member')
    .findOne({ where: { id: m.id }, populate: { account: true } });
  return row.account.id;
}

describe('QR and GPS checks', () => {
  it('refuses a wrong or expired QR token (400 naming token)', async () => {
    const m = await member(u, c);
    const a = await activity(c);
    const wrong = await post(m.jwt, { activity: a.documentId, source: 'qr', token: 'nope' }, 'q1');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/^token:/);
    const old = await activity(c, { qrRotatedAt: new Date(Date.now() - 3600000).toISOString() });
    const expired = await post(m.jwt, { activity: old.documentId, source: 'qr', token: old.qrToken }, 'q2');
    expect(expired.status).toBe(400);
    expect(expired.body.error.message).toMatch(/^token: .*expired/);
    expect(await countCheckIns({ memberRef: m.id })).toBe(0);
  });

  it('accepts GPS inside the radius and refuses it outside (400 naming lat)', async () => {
    const m = await member(u, c);
    const a = await activity(c);
    // ~0.01° of latitude ≈ 1.1 km: outside a 200 m radius.
    const far = await post(m.jwt, { activity: a.documentId, source: 'gps', lat: 34.4223, lng: 114.1935 }, 'g1');
    expect(far.status).toBe(400);
    expect(far.body.error.message).toMatch(/^lat: .*radius/);
    const near = await post(m.jwt, { activity: a.documentId, source: 'gps', lat: 34.413, lng: 114.1935 }, 'g2');
    expect(near.status).toBe(201);
    expect(near.body.data.source).toBe('gps');
  });

  it('bad input is a 400 naming the field, nothing written', async () => {
    const m = await member(u, c);
    const a = await activity(c);
    const res = await post(m.jwt, { activity: a.documentId, source: 'gps', lat: 'north', lng: 114 }, 'b1');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^lat:/);
    const src = await post(m.jwt, { activity: a.documentId, source: 'manual' }, 'b2');
    expect(src.status).toBe(400);
    expect(src.body.error.message).toMatch(/^source:/);
    expect(await countCheckIns({ memberRef: m.id })).toBe(0);
  });

  it('refuses check-in to an activity that has ended', async () => {
    const m = await member(u, c);
    const a = await activity(c, {
      startsAt: new Date(Date.now() - 7200000).toISOString(),
      endsAt: new Date(Date.now() - 3600000).toISOString(),
    });
    const res = await post(m.jwt, { activity: a.documentId, source: 'qr', token: a.qrToken }, 'e1');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^activity:.*ended/);
  });
});

describe('check-out', () => {
  const out = (jwt: string, a: any) =>
    http().post('/api/double-report/check-outs').set(bearer(jwt)).send({ activity: a.documentId });

  it('without a check-in → 409; then in, out (minutes computed on the server); twice → 409', async () => {
    const m = await member(u, c);
    const a = await activity(c);
    const none = await out(m.jwt, a);
    expect(none.status).toBe(409);
    expect(none.body.error.message).toMatch(/no check-in/);
    expect((await post(m.jwt, { activity: a.documentId, source: 'qr', token: a.qrToken }, 'o1')).status).toBe(201);
    const done = await out(m.jwt, a);
    expect(done.status).toBe(200);
    expect(done.body.data.checkedOutAt).toBeTruthy();
    expect(done.body.data.minutes).toBe(0); // checked in and out within the same minute
    const twice = await out(m.jwt, a);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/already checked out/);
    // Once out, the member may check in again (a new open slot).
    expect((await post(m.jwt, { activity: a.documentId, source: 'qr', token: a.qrToken }, 'o2')).status).toBe(201);
  });

  it('before the activity starts → 409', async () => {
    const m = await member(u, c);
    const a = await activity(c, {
      startsAt: new Date(Date.now() + 30 * 60000).toISOString(),
      endsAt: new Date(Date.now() + 90 * 60000).toISOString(),
    });
    expect((await post(m.jwt, { activity: a.documentId, source: 'qr', token: a.qrToken }, 'p1')).status).toBe(201);
    const res = await out(m.jwt, a);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/not started/);
    const row: any = await strapi()
      .db.query('plugin::double-report.check-in')
      .findOne({ where: { memberRef: m.id } });
    expect(row.checkedOutAt).toBeNull();
  });

  it('a member cancels only his own pending check-in', async () => {
    const m1 = await member(u, c);
    const m2 = await member(u, c);
    const a = await activity(c);
    const created = await post(m1.jwt, { activity: a.documentId, source: 'qr', token: a.qrToken }, 'c1');
    const id = created.body.data.documentId;
    expect((await http().delete(`/api/double-report/me/check-ins/${id}`).set(bearer(m2.jwt))).status).toBe(404);
    expect(await countCheckIns({ memberRef: m1.id })).toBe(1);
    expect((await http().delete(`/api/double-report/me/check-ins/${id}`).set(bearer(m1.jwt))).status).toBe(200);
    expect(await countCheckIns({ memberRef: m1.id })).toBe(0);
  });

  it('anonymous callers and unit accounts cannot check in', async () => {
    const a = await activity(c);
    expect(
      (
        await http()
          .post('/api/double-report/check-ins')
          .set('Idempotency-Key', 'x')
          .send({ activity: a.documentId, source: 'qr', token: a.qrToken })
      ).status,
    ).toBe(403);
    expect((await post(u.jwt, { activity: a.documentId, source: 'qr', token: a.qrToken }, 'x')).status).toBe(403);
  });
});
