import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';

beforeAll(async () => {
  await setupStrapi({}, { demo: true });
});
afterAll(teardownStrapi);

it('the Weishi demo campaign has a spread of levels and a second seed adds nothing', async () => {
  const year = new Date().getUTCFullYear() - 1;
  const res = await http().get(`/api/star-scoring/rankings?year=${year}`);
  expect(res.status).toBe(200);
  const level = Object.fromEntries(res.body.data.map((r: any) => [r.branch.code, r.level]));
  expect(level).toMatchObject({ 'LH-C1': 5, 'LH-C2': 4, 'LH-C3': 3, 'LH-C4': 3, 'LH-C5': 2, 'LH-V1': 4, 'LH-V2': 1 });
  expect(res.body.data[0].branch.code).toBe('LH-C1');
  const before = await strapi().db.query('plugin::star-scoring.transition').count();
  expect(await strapi().plugin('star-scoring').service('demo').seed(strapi())).toBe(0);
  expect(await strapi().db.query('plugin::star-scoring.transition').count()).toBe(before);
  const rects = await strapi().db.query('plugin::star-scoring.rectification').count();
  expect(rects).toBeGreaterThan(0);
});
