import { spawn, type ChildProcess } from 'child_process';
import path from 'path';
import { setupStrapi, teardownStrapi, strapi, databaseEnv, listenStrapi } from '../helpers/strapi';
import { activity, community, countCheckIns, member, unit } from './fixtures';

// Two app instances on one database: instance A is this process, instance B a child process
// (scripts/lib/serve.js). Each boots with its own JWT secret, so every member logs in on both.
let c: any;
let u: any;
let urlA: string;
let urlB: string;
let child: ChildProcess;

async function startInstanceB(): Promise<string> {
  const env = { ...process.env, ...databaseEnv(), NODE_ENV: 'test' };
  child = spawn(process.execPath, [path.resolve(__dirname, '../../scripts/lib/serve.js')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`instance B exited ${code}`)));
  });
}

async function login(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/local`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier: username, password }),
  });
  if (res.status !== 200) throw new Error(`login on ${base} failed: ${res.status}`);
  return ((await res.json()) as any).jwt;
}

/** A member with a JWT valid on each instance (same account, hence the same idempotency scope). */
async function twoSidedMember() {
  const m = await member(u, c);
  return { ...m, jwtA: m.jwt, jwtB: await login(urlB, m.username, m.password) };
}

const post = async (base: string, jwt: string, key: string, body: unknown) => {
  const res = await fetch(`${base}/api/double-report/check-ins`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${jwt}`, 'Idempotency-Key': key },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any, replayed: res.headers.get('idempotent-replayed') };
};

beforeAll(async () => {
  await setupStrapi();
  urlA = await listenStrapi();
  urlB = await startInstanceB();
  c = await community();
  u = await unit(c);
});
afterAll(async () => {
  // A child that already ended (by code or by signal) emits no further 'exit': do not wait for one.
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  await teardownStrapi();
});

describe('two app instances, one database', () => {
  it('100 concurrent duplicate check-ins split across both instances (distinct keys) store exactly one row', async () => {
    const m = await twoSidedMember();
    const a = await activity(c);
    const body = { activity: a.documentId, source: 'qr', token: a.qrToken };
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        i % 2 ? post(urlB, m.jwtB, `two-${i}`, body) : post(urlA, m.jwtA, `two-${i}`, body),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    for (const r of results.filter((x) => x.status === 409))
      expect(r.body.error.message).toMatch(/already checked in|已签到/);
    expect(await countCheckIns({ memberRef: m.id, activityRef: a.id })).toBe(1);
    // Both instances answered requests (the split really happened) and the stored row is open.
    const row: any = await strapi()
      .db.query('plugin::double-report.check-in')
      .findOne({ where: { memberRef: m.id, activityRef: a.id } });
    expect(row.openSlot).toBe(`${m.id}:${a.id}`);
  });

  it('the same key sent to both instances at once stores one row: replay of the first response or 409 in flight', async () => {
    const m = await twoSidedMember();
    const a = await activity(c);
    const body = { activity: a.documentId, source: 'qr', token: a.qrToken };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 ? post(urlB, m.jwtB, 'same-key', body) : post(urlA, m.jwtA, 'same-key', body),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    const first = created.find((r) => r.replayed !== 'true')!;
    expect(first).toBeDefined();
    expect(created.filter((r) => r.replayed !== 'true')).toHaveLength(1);
    for (const r of created) expect(r.body).toEqual(first.body);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.error.message).toMatch(/in flight/);
    }
    expect(await countCheckIns({ memberRef: m.id, activityRef: a.id })).toBe(1);
    // Afterwards each instance replays the stored first response.
    const replayA = await post(urlA, m.jwtA, 'same-key', body);
    const replayB = await post(urlB, m.jwtB, 'same-key', body);
    expect([replayA.status, replayB.status]).toEqual([201, 201]);
    expect(replayA.body).toEqual(first.body);
    expect(replayB.body).toEqual(first.body);
    expect(replayB.replayed).toBe('true');
    // Same key with another body on the other instance → 422, still one row.
    const other = await post(urlB, m.jwtB, 'same-key', {
      activity: a.documentId,
      source: 'gps',
      lat: 34.4123,
      lng: 114.1935,
    });
    expect(other.status).toBe(422);
    expect(await countCheckIns({ memberRef: m.id })).toBe(1);
  });
});
