import { setupStrapi, teardownStrapi, http } from './helpers/strapi';

beforeAll(() => setupStrapi({ CORS_ORIGINS: 'https://www.weishi.gov.cn,https://screen.lianghu.example' }));
afterAll(teardownStrapi);

describe('CORS origins come from CORS_ORIGINS', () => {
  it('allows a configured origin', async () => {
    const res = await http().get('/api/notices').set('Origin', 'https://www.weishi.gov.cn');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('https://www.weishi.gov.cn');
  });

  it('does not allow an origin that is not configured', async () => {
    const res = await http().get('/api/notices').set('Origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).not.toBe('https://evil.example');
    expect(res.headers['access-control-allow-origin']).not.toBe('*');
  });
});
