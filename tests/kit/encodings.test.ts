import { request as httpRequest, type IncomingHttpHeaders } from 'http';
import { brotliDecompressSync, gunzipSync } from 'zlib';
import { setupStrapi, teardownStrapi, listenStrapi, http } from '../helpers/strapi';
import { bearer, createApiToken } from '../helpers/auth';

// The kit keeps each cached answer serialised and compressed once (brotli and gzip) and picks the
// coding from Accept-Encoding. These tests read raw bytes (supertest would decode them) on an
// instance with Redis, where a hit does not even read the versions table.
let base: string;
let token: string;
beforeAll(async () => {
  await setupStrapi({ REDIS_URL: 'redis://127.0.0.1:6379' }, { demo: true });
  token = await createApiToken('full-access');
  base = await listenStrapi();
  // Booting and seeding on PostgreSQL exceed the default hook timeout on a loaded 2-core machine.
}, 600_000);
afterAll(teardownStrapi);

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  bytes: Buffer;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = (r: Raw): string => {
  const coding = r.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(r.bytes).toString('utf8');
  if (coding === 'gzip') return gunzipSync(r.bytes).toString('utf8');
  expect(coding).toBeUndefined();
  return r.bytes.toString('utf8');
};

const LIST = '/api/notices?sort=publishedAt:desc';

/** Fills the cache for a URL and returns its identity answer (a hit, served before routing). */
async function warm(path: string): Promise<Raw> {
  await get(path);
  const hit = await get(path);
  expect(hit.status).toBe(200);
  expect(hit.headers['x-cache']).toBe('HIT');
  return hit;
}

describe('cached answers in the coding the client accepts', () => {
  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'gzip'], // equal q: the client's own order
    ['br;q=0.4, gzip;q=0.9', 'gzip'],
    ['gzip;q=0, br', 'br'],
    ['*', 'br'],
    ['identity', undefined],
    ['deflate', undefined],
    ['br;q=0, gzip;q=0', undefined],
  ])('Accept-Encoding %s → %s, same JSON, same ETag', async (accept, coding) => {
    const plain = await warm(LIST);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    expect(plain.bytes.length).toBeGreaterThan(1024);

    const res = await get(LIST, { 'Accept-Encoding': accept });
    expect(res.status).toBe(200);
    expect(res.headers['x-cache']).toBe('HIT');
    expect(res.headers['content-encoding']).toBe(coding);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(res.bytes.length);
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(res.headers.etag).toBe(plain.headers.etag);
    if (coding) expect(res.bytes.length).toBeLessThan(plain.bytes.length / 2);
    expect(JSON.parse(decode(res))).toEqual(JSON.parse(plain.bytes.toString('utf8')));
  });

  it('a body under 1 KiB is sent as it is, whatever the client accepts', async () => {
    const path = '/api/notices?filters[title][$eq]=no-such-notice';
    const plain = await warm(path);
    expect(plain.bytes.length).toBeLessThan(1024);
    const res = await get(path, { 'Accept-Encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.bytes.equals(plain.bytes)).toBe(true);
  });

  it('If-None-Match with the ETag is a 304 without a body in every coding; another ETag gets the body', async () => {
    const plain = await warm(LIST);
    for (const accept of ['br', 'gzip', '']) {
      const res = await get(LIST, { 'If-None-Match': plain.headers.etag!, 'Accept-Encoding': accept });
      expect(res.status).toBe(304);
      expect(res.bytes.length).toBe(0);
      expect(res.headers.etag).toBe(plain.headers.etag);
    }
    const other = await get(LIST, { 'If-None-Match': 'W/"another"', 'Accept-Encoding': 'br' });
    expect(other.status).toBe(200);
    expect(JSON.parse(decode(other))).toEqual(JSON.parse(plain.bytes.toString('utf8')));
  });

  it('after a publish, the old ETag gets the new answer, compressed anew, from the very next request', async () => {
    const before = await warm(LIST);
    await get(LIST, { 'Accept-Encoding': 'br' });
    const title = `编码缓存测试 ${Date.now()}`;
    const created = await http()
      .post('/api/notices')
      .set(bearer(token))
      .send({ data: { title, category: 'news' } });
    expect(created.status).toBe(201);

    for (const accept of ['br', 'gzip', '']) {
      const res = await get(LIST, { 'If-None-Match': before.headers.etag!, 'Accept-Encoding': accept });
      expect(res.status).toBe(200);
      expect(res.headers.etag).not.toBe(before.headers.etag);
      expect(JSON.parse(decode(res)).data[0].title).toBe(title);
    }
    const again = await get(LIST, { 'Accept-Encoding': 'br' });
    expect(again.headers['x-cache']).toBe('HIT');
    expect(again.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decode(again)).data[0].title).toBe(title);
  });

  it('a caller with a token gets the uncached answer, never a shared copy', async () => {
    await warm(LIST);
    const res = await get(LIST, { 'Accept-Encoding': 'br', Authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(res.headers['x-cache']).toBeUndefined();
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
