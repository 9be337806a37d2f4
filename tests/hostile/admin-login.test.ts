import { randomBytes } from 'crypto';
import Redis from 'ioredis';
import { setupStrapi, teardownStrapi, http } from '../helpers/strapi';
import { createAdmin } from '../helpers/auth';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const LIMIT = 5;
const redis = new Redis(REDIS_URL);
// Addresses of this run only, so a second run (or the other database's run beside it) starts from zero.
const [third, fourth] = randomBytes(2);
const address = (n: number) => `203.0.${third % 250}.${(fourth + n) % 250}`;

beforeAll(() =>
  setupStrapi({ ADMIN_LOGIN_IP_LIMIT: String(LIMIT), IS_PROXIED: 'true', REDIS_URL, ADMIN_LOGIN_IP_WINDOW_S: '120' }),
);
afterAll(async () => {
  await teardownStrapi();
  redis.disconnect();
});

const login = (from: string, email: string, password = 'Wrong-password-1') =>
  http().post('/admin/login').set('X-Forwarded-For', from).send({ email, password });

describe('admin sign-in: a limit per client address, not only per e-mail', () => {
  it('spraying many e-mails from one address gets 429 after the limit, even for a right password', async () => {
    const from = address(1);
    for (let i = 0; i < LIMIT; i++) {
      const res = await login(from, `spray${i}_${Date.now()}@weishi.example`);
      expect(res.status).toBe(400);
    }
    const next = await login(from, `spray-new_${Date.now()}@weishi.example`);
    expect(next.status).toBe(429);
    expect(next.headers['retry-after']).toMatch(/^\d+$/);
    expect(next.body.error.message).toMatch(/Too many failed sign-ins from this address/);

    const { email, password } = await createAdmin();
    expect((await login(from, email, password)).status).toBe(429);
    // Another address is not affected; it signs in.
    expect((await login(address(2), email, password)).status).toBe(200);
  });

  it('the address is the one the trusted proxy appended: a forged X-Forwarded-For prefix changes nothing', async () => {
    const from = address(3);
    for (let i = 0; i < LIMIT; i++) {
      const forged = `10.${i}.0.1, ${from}`;
      expect((await login(forged, `forge${i}_${Date.now()}@weishi.example`)).status).toBe(400);
    }
    expect((await login(`192.0.2.99, ${from}`, `forge-last@weishi.example`)).status).toBe(429);
  });

  it('the count lives in Redis, so every instance sees the same one', async () => {
    const from = address(4);
    await login(from, `shared_${Date.now()}@weishi.example`);
    await login(from, `shared2_${Date.now()}@weishi.example`);
    expect(await redis.get(`gg:admin-login-failures:${from}`)).toBe('2');
    // What another instance adds counts here too.
    await redis.set(`gg:admin-login-failures:${from}`, String(LIMIT), 'PX', 60000);
    expect((await login(from, `shared3_${Date.now()}@weishi.example`)).status).toBe(429);
  });
});
