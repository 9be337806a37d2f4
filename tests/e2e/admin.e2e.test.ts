import { startAdminSession, type AdminSession } from './helpers/admin';
import { strapi } from '../helpers/strapi';

let session: AdminSession;
beforeAll(async () => {
  session = await startAdminSession({ role: 'community-staff' });
  // Community staff work in their community (大西门社区, LH-C1) and see only it (tests/e2e/scoping.e2e.test.ts).
  const c1 = await strapi()
    .db.query('api::branch.branch')
    .findOne({ where: { code: 'LH-C1' } });
  await strapi()
    .documents('api::staff-assignment.staff-assignment' as any)
    .create({ data: { adminEmail: session.admin.email, branch: c1.documentId } as any });
});
afterAll(() => session?.close());

const TYPES: Array<[string, string, string]> = [
  ['api::branch.branch', '党组织', '大西门社区党支部'],
  ['api::grid.grid', '网格', '大西门社区第1基础网格'],
  ['api::compound.compound', '小区', '幸福家园'],
  ['api::representative.representative', '两代表一委员', ''],
  ['api::notice.notice', '通知公告', ''],
];

describe('community staff in the admin panel (zh-Hans by default)', () => {
  it('opens every content type list in Chinese, with the demo data in it', async () => {
    const page = await session.login('zh-Hans');
    for (const [uid, title, sample] of TYPES) {
      await page.goto(
        `/admin/content-manager/collection-types/${uid}${sample ? `?_q=${encodeURIComponent(sample)}` : ''}`,
      );
      await page.getByRole('heading', { name: title, level: 1 }).waitFor({ timeout: 60000 });
      await page.locator('table tbody tr').first().waitFor();
      if (sample) await page.locator('table tbody').getByText(sample, { exact: false }).first().waitFor();
    }
    // Chinese field labels in the edit view.
    await page.goto('/admin/content-manager/collection-types/api::compound.compound/create');
    await page.getByText('三无小区').first().waitFor();
    await page.getByText('红色物业').first().waitFor();
  });

  it('creates and publishes a notice, which Public then reads', async () => {
    const page = await session.login('zh-Hans');
    const title = `端到端测试通知 ${Date.now()}`;
    await page.goto('/admin/content-manager/collection-types/api::notice.notice/create');
    await page.getByLabel('标题').fill(title);
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await page
      .getByText(/已发布|Published/)
      .first()
      .waitFor({ timeout: 30000 });

    const res = await fetch(`${session.baseUrl}/api/notices?filters[title][$eq]=${encodeURIComponent(title)}`);
    const body = (await res.json()) as { data: Array<{ title: string; slug: string }> };
    expect(body.data).toHaveLength(1);
    expect(body.data[0].slug).toMatch(/^\d{8}-[0-9a-f]{8}$/);
  });

  it('speaks English when the user picks en', async () => {
    const page = await session.login('en');
    await page.goto('/admin/content-manager/collection-types/api::grid.grid');
    await page.getByRole('heading', { name: 'Grid', level: 1 }).waitFor({ timeout: 60000 });
    await page.getByText('Create new entry').first().waitFor();
  });
});
