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

it('documents the Excel import and export of the registers as admin routes at the app root', async () => {
  const { body } = await http().get('/api/openapi.json');
  const importOp = body.paths['/registers/import/{type}'];
  expect(importOp.servers).toEqual([expect.objectContaining({ url: '/' })]);
  expect(importOp.post.security).toEqual([{ adminSession: [] }]);
  expect(Object.keys(importOp.post.requestBody.content)).toEqual(['multipart/form-data']);
  const report = importOp.post.responses['200'].content['application/json'].schema.properties.data.anyOf[0];
  expect(Object.keys(report.properties)).toEqual(
    expect.arrayContaining(['rows', 'created', 'updated', 'unchanged', 'errors']),
  );
  expect(Object.keys(body.paths['/registers/export/{type}'].get.responses['200'].content)).toEqual([
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ]);
  expect(body.components.securitySchemes).toHaveProperty('adminSession');
});
