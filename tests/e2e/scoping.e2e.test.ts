import { startAdminSession, type AdminSession, type Lang } from './helpers/admin';
import { strapi } from '../helpers/strapi';

/**
 * Organisation scope in a real browser: the community account of 大西门社区 (LH-C1) sees only its
 * community's grids in the Content Manager list, in both languages. (Plugin pages follow when the
 * plugins are scoped.)
 */
let session: AdminSession;
let expected: string[];

beforeAll(async () => {
  session = await startAdminSession({ role: 'community-staff' });
  const c1 = await strapi()
    .db.query('api::branch.branch')
    .findOne({ where: { code: 'LH-C1' } });
  await strapi()
    .documents('api::staff-assignment.staff-assignment' as any)
    .create({ data: { adminEmail: session.admin.email, branch: c1.documentId } as any });
  const rows: Array<{ name: string }> = await strapi()
    .db.query('api::grid.grid')
    .findMany({ where: { scopeCommunity: c1.documentId }, select: ['name'] });
  expected = rows.map((r) => r.name).sort();
});
afterAll(() => session?.close());

describe.each<Lang>(['zh-Hans', 'en'])('community staff of 大西门社区 (%s)', (lang) => {
  it('the grid list shows its community’s grids and no other', async () => {
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.length).toBeLessThan(100);
    const page = await session.login(lang);
    await page.goto('/admin/content-manager/collection-types/api::grid.grid?page=1&pageSize=100&sort=name:ASC');
    // Type names follow the admin language (the kit's label registry).
    await page.getByRole('heading', { name: lang === 'en' ? 'Grid' : '网格', level: 1 }).waitFor({ timeout: 60000 });
    await page.locator('table tbody tr').first().waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length === n, expected.length, {
      timeout: 30000,
    });
    const text = await page.locator('table tbody').innerText();
    for (const name of expected) expect(text).toContain(name);
    // Every demo grid is named after its community: none of the other communities appears.
    for (const other of ['小西门社区', '东关社区', '南关社区', '北关社区', '东城社区', '西城社区'])
      expect(text).not.toContain(other);
    // The branch list holds the community and what is below it, not the street office.
    const answer = page.waitForResponse(
      (r) =>
        new URL(r.url()).pathname === '/content-manager/collection-types/api::branch.branch' &&
        r.request().method() === 'GET',
      { timeout: 60000 },
    );
    await page.goto('/admin/content-manager/collection-types/api::branch.branch?page=1&pageSize=100');
    await page
      .getByRole('heading', { name: lang === 'en' ? 'Party organisation' : '党组织', level: 1 })
      .waitFor({ timeout: 60000 });
    const branches = (await (await answer).json()) as { results: Array<{ name: string }> };
    const names = branches.results.map((b) => b.name);
    expect(names).toContain('大西门社区党支部');
    expect(names).not.toContain('两湖街道党工委');
    expect(names).not.toContain('小西门社区党支部');
    await page.locator('table tbody').getByText('大西门社区党支部').first().waitFor();
  });
});
