// The check-in/check-out routes use the plugin's one-statement strategy (auth/member-strategy.ts) instead of
// U&P's: these tests hold it to the answers U&P gives, so the shortcut never lets in someone U&P would refuse.
import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createUser } from '../helpers/auth';
import { activity, community, countCheckIns, member, unit } from './fixtures';

let c: any;
let u: any;

beforeAll(async () => {
  await setupStrapi();
  c = await community();
  u = await unit(c);
});
afterAll(teardownStrapi);

const checkIn = (headers: Record<string, string>, a: any, key: string) =>
  http()
    .post('/api/double-report/check-ins')
    .set({ ...headers, 'Idempotency-Key': key })
    .send({ activity: a.documentId, source: 'qr', token: a.qrToken });
const users = () => strapi().db.query('plugin::users-permissions.user');
const advanced = () => strapi().store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });

describe('who may check in (same answers as Users & Permissions)', () => {
  it('a party-member with a linked member checks in; ctx user is the token user', async () => {
    const m = await member(u, c);
    const a = await activity(c);
    const res = await checkIn(bearer(m.jwt), a, 'ok-1');
    expect(res.status).toBe(201);
    expect(await countCheckIns({ memberRef: m.id })).toBe(1);
  });

  it('a forged or garbled token → 401, nothing stored', async () => {
    const a = await activity(c);
    const before = await countCheckIns();
    expect((await checkIn({ Authorization: 'Bearer not-a-jwt' }, a, 'bad-1')).status).toBe(401);
    const m = await member(u, c);
    const forged = m.jwt.slice(0, -4) + (m.jwt.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await checkIn(bearer(forged), a, 'bad-2')).status).toBe(401);
    expect(await countCheckIns()).toBe(before);
  });

  it('a blocked account → 401, a deleted account → 401', async () => {
    const a = await activity(c);
    const m = await member(u, c);
    await users().update({ where: { id: m.userId }, data: { blocked: true } });
    expect((await checkIn(bearer(m.jwt), a, 'blk-1')).status).toBe(401);
    const gone = await member(u, c);
    await users().delete({ where: { id: gone.userId } });
    expect((await checkIn(bearer(gone.jwt), a, 'del-1')).status).toBe(401);
    expect(await countCheckIns({ memberRef: m.id })).toBe(0);
  });

  it('a role without the check-in permission (authenticated, party-unit) → 403', async () => {
    const a = await activity(c);
    const plain = await createUser('authenticated');
    expect((await checkIn(bearer(plain.jwt), a, 'role-1')).status).toBe(403);
    expect((await checkIn(bearer(u.jwt), a, 'role-2')).status).toBe(403);
  });

  it('with email confirmation on, an unconfirmed member → 401 until confirmed', async () => {
    const a = await activity(c);
    const m = await member(u, c);
    const settings: any = await advanced().get();
    await advanced().set({ value: { ...settings, email_confirmation: true } });
    try {
      await users().update({ where: { id: m.userId }, data: { confirmed: false } });
      expect((await checkIn(bearer(m.jwt), a, 'conf-1')).status).toBe(401);
      await users().update({ where: { id: m.userId }, data: { confirmed: true } });
      expect((await checkIn(bearer(m.jwt), a, 'conf-2')).status).toBe(201);
    } finally {
      await advanced().set({ value: settings });
    }
  });

  it('check-out follows the same rule: anonymous → 403, blocked → 401', async () => {
    const a = await activity(c);
    const m = await member(u, c);
    expect((await checkIn(bearer(m.jwt), a, 'out-1')).status).toBe(201);
    expect((await http().post('/api/double-report/check-outs').send({ activity: a.documentId })).status).toBe(403);
    await users().update({ where: { id: m.userId }, data: { blocked: true } });
    expect(
      (await http().post('/api/double-report/check-outs').set(bearer(m.jwt)).send({ activity: a.documentId })).status,
    ).toBe(401);
  });
});
