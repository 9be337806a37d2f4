import { setupStrapi, teardownStrapi, http } from './helpers/strapi';

beforeAll(() => setupStrapi());
afterAll(teardownStrapi);

it('serves the OpenAPI 3.1 document publicly at /api/openapi.json with every content type', async () => {
  const res = await http().get('/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.body.openapi).toBe('3.1.0');
  for (const path of ['/branches', '/grids', '/compounds', '/representatives', '/notices', '/notices/{id}']) {
    expect(res.body.paths).toHaveProperty([path]);
  }
});
