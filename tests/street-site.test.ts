// The example consumer (examples/street-site), built on the client generated from the published
// document, runs against the booted app as an external site would: over a real port.
import { setupStrapi, teardownStrapi, http, listenStrapi } from './helpers/strapi';
import { streetApi } from '../examples/street-site/src/client';

let api: ReturnType<typeof streetApi>;
const lastYear = new Date().getUTCFullYear() - 1;

beforeAll(async () => {
  await setupStrapi({}, { demo: true });
  api = streetApi(await listenStrapi());
}, 600000);
afterAll(teardownStrapi);

it('lists the published notices, newest first, as the REST API counts them', async () => {
  const { total, notices } = await api.latestNotices(undefined, 5);
  const direct = await http().get('/api/notices');
  expect(total).toBe(direct.body.meta.pagination.total);
  expect(notices.length).toBe(Math.min(5, total));
  expect(total).toBeGreaterThan(0);
  const dates = notices.map((n) => n.publishedAt ?? '');
  expect([...dates].sort().reverse()).toEqual(dates);
});

it('filters notices by category through the typed query', async () => {
  const all = await http().get('/api/notices?filters[category][$eq]=news');
  const { total } = await api.latestNotices('news');
  expect(total).toBe(all.body.meta.pagination.total);
});

it("shows last year's five-star ranking in rank order", async () => {
  const rows = await api.rankings(lastYear);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.map((r) => r.rank)).toEqual([...rows.map((r) => r.rank)].sort((a, b) => a - b));
  expect(rows[0].level).toBeGreaterThanOrEqual(rows[rows.length - 1].level);
});

it('reports a refused query with the server message', async () => {
  await expect(api.rankings(1800)).rejects.toThrow(/rankings: 400 .*year/);
});
