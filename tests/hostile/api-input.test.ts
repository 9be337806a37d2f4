import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createApiToken } from '../helpers/auth';

let token: string;
beforeAll(async () => {
  await setupStrapi();
  token = await createApiToken('full-access');
});
afterAll(teardownStrapi);

describe('a full-access API token on routes that act for an account → 403 with a message', () => {
  it.each([
    ['GET', '/api/double-report/me/registrations'],
    ['GET', '/api/double-report/me/check-ins'],
    ['GET', '/api/double-report/unit-registrations'],
    ['GET', '/api/double-report/units/abc/members'],
    ['POST', '/api/deliberation/topics/abc/evaluations'],
  ])('%s %s', async (method, url) => {
    const req = method === 'GET' ? http().get(url) : http().post(url).send({ verdict: 'satisfied' });
    const res = await req.set(bearer(token));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/^account: /);
  });
});

describe('filter values of core routes: 400 naming the field, never 500', () => {
  it.each([
    ['/api/branches?filters[id][$eq]=abc', 'filters.id'],
    ['/api/branches?filters[id]=abc', 'filters.id'],
    ['/api/branches?filters[id][$in][0]=1&filters[id][$in][1]=b', 'filters.id'],
    ['/api/branches?filters[$or][0][id]=q', 'filters.$or.0.id'],
    ['/api/branches?filters[id][$eq]=99999999999', 'filters.id'],
    ['/api/branches?filters[memberCount][$gt]=x', 'filters.memberCount'],
    ['/api/branches?filters[parent][id][$eq]=zz', 'filters.parent.id'],
    ['/api/branches?filters[established][$eq]=notadate', 'filters.established'],
    ['/api/grids?filters[households][$lt]=many', 'filters.households'],
    ['/api/compounds?filters[grid][branch][id]=x', 'filters.grid.branch.id'],
    ['/api/notices?filters[publishedAt][$gt]=nope', 'filters.publishedAt'],
    ['/api/notices?filters[id][$eq]=abc', 'filters.id'],
    ['/api/branches/abc?filters[id]=x', 'filters.id'],
    ['/api/branches?pagination[page]=abc', 'pagination.page'],
    ['/api/branches?pagination[pageSize]=x', 'pagination.pageSize'],
  ])('%s → 400 %s', async (url, field) => {
    const res = await http().get(url);
    expect(res.status).toBe(400);
    expect(res.body.error.message.startsWith(`${field}: `)).toBe(true);
  });

  // Strapi's upload and users plugins hand the path id to SQL: on PostgreSQL `abc` was a 500.
  it.each(['/api/upload/files/abc', '/api/upload/files/1.5', '/api/users/abc'])(
    '%s with a full-access token → 400 naming id',
    async (url) => {
      const res = await http().get(url).set(bearer(token));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe('id: must be a positive integer (必须是正整数)');
    },
  );

  it('well-formed filters still answer', async () => {
    expect((await http().get('/api/branches?filters[id][$eq]=1&filters[established][$lt]=2030-01-01')).status).toBe(
      200,
    );
  });
});

describe('writes: invalid dates and unknown relation ids name the field', () => {
  it('an invalid date → 400 naming it, nothing written', async () => {
    const before = await strapi().db.query('api::branch.branch').count();
    const res = await http()
      .post('/api/branches')
      .set(bearer(token))
      .send({ data: { name: '日期', code: 'HX-D1', level: 'street_committee', established: 'not-a-date' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^established: /);
    expect(await strapi().db.query('api::branch.branch').count()).toBe(before);
  });

  it.each([
    [{ parent: 'nosuchdocid' }, 'parent'],
    [{ parent: { connect: ['nosuchdocid'] } }, 'parent'],
    [{ parent: { set: [{ documentId: 'nosuchdocid' }] } }, 'parent'],
  ])('an unknown relation id %j → 400 naming %s, nothing written', async (relation, field) => {
    const before = await strapi().db.query('api::branch.branch').count();
    const res = await http()
      .post('/api/branches')
      .set(bearer(token))
      .send({
        data: {
          name: '关系',
          code: `HX-R${Math.random().toString(36).slice(2, 8)}`,
          level: 'community_branch',
          ...relation,
        },
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(new RegExp(`^${field}: `));
    expect(await strapi().db.query('api::branch.branch').count()).toBe(before);
  });
});
