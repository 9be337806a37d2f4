import { setupStrapi, teardownStrapi, http, strapi } from './helpers/strapi';
import { bearer, createApiToken, createUser } from './helpers/auth';

beforeAll(async () => {
  await setupStrapi({}, { demo: true });
});
afterAll(teardownStrapi);

const PRIVATE_VALUES = ['13903781', 'phone', 'gridAccount'];

/** Every key and string anywhere in a JSON document. */
function walk(node: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      visit(k, v);
      walk(v, visit);
    }
  }
}

describe('Public reads', () => {
  const routes = [
    '/api/branches?populate=*&pagination[pageSize]=100',
    '/api/grids?populate[heads]=true&populate[representatives]=true&populate[branch]=true&pagination[pageSize]=100',
    '/api/compounds?populate=*&pagination[pageSize]=100',
    '/api/representatives?populate=*&pagination[pageSize]=100',
    '/api/notices?populate=*&pagination[pageSize]=100',
  ];

  it.each(routes)('%s answers 200 with data and no private field anywhere', async (route) => {
    const res = await http().get(route);
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    walk(res.body, (key, value) => {
      expect([
        'phone',
        'gridAccount',
        'password',
        'email',
        'scopeCounty',
        'scopeStreet',
        'scopeCommunity',
      ]).not.toContain(key);
      if (typeof value === 'string') expect(value).not.toMatch(/^1390378\d{4}$/);
    });
    expect(JSON.stringify(res.body)).not.toContain(PRIVATE_VALUES[0]);
  });

  it('single documents hide private fields too', async () => {
    const list = await http().get('/api/representatives');
    const one = await http().get(`/api/representatives/${list.body.data[0].documentId}?populate=*`);
    expect(one.status).toBe(200);
    expect(one.body.data.name).toBeTruthy();
    expect(one.body.data).not.toHaveProperty('phone');
    expect(one.body.data).not.toHaveProperty('gridAccount');
    expect(one.body.data).not.toHaveProperty('scopeCommunity');
  });

  it('organisation scope columns are private: the seed filled them, no public answer names them', async () => {
    const stored = await strapi()
      .db.query('api::grid.grid')
      .findOne({ where: { code: 'G01' } });
    expect(stored.scopeCommunity).toBeTruthy();
    const probes = [
      `/api/grids?filters[scopeCommunity][$eq]=${stored.scopeCommunity}`,
      '/api/grids?filters[scopeCommunity][$eq]=nothing',
    ];
    const [hit, miss] = await Promise.all(probes.map((p) => http().get(p)));
    expect(hit.status).toBe(400);
    expect(miss.status).toBe(400);
    expect(hit.body).toEqual(miss.body);
  });

  it('a private field is no yes/no oracle: two probes through filters give identical answers', async () => {
    const stored = await strapi()
      .db.query('api::branch.branch')
      .findOne({ where: { code: 'LH' } });
    const probes = [
      `/api/branches?filters[phone][$eq]=${stored.phone}`,
      '/api/branches?filters[phone][$eq]=00000000000',
    ];
    const [hit, miss] = await Promise.all(probes.map((p) => http().get(p)));
    expect(hit.status).toBe(miss.status);
    expect(hit.body).toEqual(miss.body);
    expect(hit.status).toBe(400);

    const prefix = await Promise.all(
      ['1390378', '1880000'].map((v) => http().get(`/api/grids?filters[heads][phone][$startsWith]=${v}`)),
    );
    expect(prefix[0].status).toBe(prefix[1].status);
    expect(prefix[0].body).toEqual(prefix[1].body);
  });

  it('sort and populate on a private field are refused', async () => {
    expect((await http().get('/api/branches?sort=phone:asc')).status).toBe(400);
    expect((await http().get('/api/representatives?populate=gridAccount')).status).toBe(400);
    expect((await http().get('/api/representatives?filters[gridAccount][username][$eq]=x')).status).toBe(400);
  });

  it('never more than 100 rows a page', async () => {
    const res = await http().get('/api/grids?pagination[pageSize]=500');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(100);
    expect(res.body.meta.pagination.total).toBe(136 + 6); // 两湖's 136 grids and 永兴's 6
    const limit = await http().get('/api/compounds?pagination[limit]=1000');
    expect(limit.body.data.length).toBeLessThanOrEqual(100);
  });
});

describe('drafts are never public', () => {
  it('lists published notices only, even when the query asks for drafts', async () => {
    const total = await strapi()
      .documents('api::notice.notice')
      .count({ status: 'published' } as any);
    for (const query of ['', '?status=draft', '?status=published', '?publicationState=preview']) {
      const res = await http().get(`/api/notices${query}`);
      expect(res.status).toBe(200);
      expect(res.body.meta.pagination.total).toBe(total);
      expect(res.body.data.every((n: any) => n.publishedAt)).toBe(true);
      expect(res.body.data.map((n: any) => n.title).join()).not.toContain('草稿');
    }
  });

  it('a draft-only notice is a 404 to Public and to logged-in roles, also with status=draft', async () => {
    const draft = await strapi()
      .db.query('api::notice.notice')
      .findOne({ where: { slug: 'demo-10' } });
    const member = await createUser('party-member');
    for (const headers of [{}, bearer(member.jwt)]) {
      expect((await http().get(`/api/notices/${draft.documentId}`).set(headers)).status).toBe(404);
      expect((await http().get(`/api/notices/${draft.documentId}?status=draft`).set(headers)).status).toBe(404);
    }
  });

  it('a full-access API token (a trusted preview back end) may still read drafts', async () => {
    const token = await createApiToken('full-access');
    const res = await http().get('/api/notices?status=draft&pagination[pageSize]=100').set(bearer(token));
    expect(res.status).toBe(200);
    expect(res.body.data.some((n: any) => n.publishedAt === null)).toBe(true);
  });

  it('a notice published through the API appears publicly, with a generated URL-safe slug', async () => {
    const token = await createApiToken('full-access');
    const created = await http()
      .post('/api/notices')
      .set(bearer(token))
      .send({ data: { title: '测试：停电通知', category: 'notice' } });
    expect(created.status).toBe(201);
    expect(created.body.data.slug).toMatch(/^\d{8}-[0-9a-f]{8}$/);
    // A document created through the content API is published at once (Strapi's default).
    const pub = await http().get(`/api/notices?filters[slug][$eq]=${created.body.data.slug}`);
    expect(pub.body.data).toHaveLength(1);
  });
});
