import { startAdminSession, type AdminSession, type Lang } from './helpers/admin';
import { strapi } from '../helpers/strapi';

/**
 * Organisation scope in a real browser: the community account of 大西门社区 (LH-C1) sees only its
 * community's grids in the Content Manager list, in both languages, and only its community on the
 * plugin pages: the 双报到 community choice and verification queue, the 议事协商 board.
 */
let session: AdminSession;
let expected: string[];
let c1Id: string;
const OWN_ITEM = '大西门社区交办事项（浏览器测试）';

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
  c1Id = c1.documentId;
  // One action item of the community's own neighbourhood council, beside the street's 20 joint-meeting items.
  const council = await strapi()
    .db.query('plugin::deliberation.council')
    .findOne({ where: { scopeCommunity: c1.documentId } });
  const meeting = await strapi()
    .documents('plugin::deliberation.meeting' as any)
    .create({
      data: { title: '大西门社区议事会', council: council.documentId, startAt: new Date().toISOString() } as any,
    });
  await strapi()
    .documents('plugin::deliberation.action-item' as any)
    .create({
      data: {
        meeting: meeting.documentId,
        decisionKey: 'D1',
        title: OWN_ITEM,
        ownerKind: 'branch',
        ownerName: '大西门社区党支部',
        dueDate: '2099-01-01',
      } as any,
    });
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

describe('community staff of 大西门社区 on the plugin pages', () => {
  it('双报到: the community choice holds only 大西门社区党支部; the queue lists only its check-ins', async () => {
    const page = await session.login('zh-Hans');
    const communities = page.waitForResponse((r) => new URL(r.url()).pathname === '/double-report/communities', {
      timeout: 60000,
    });
    const verified = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/double-report/check-ins/queue' && r.url().includes('status=verified'),
      { timeout: 60000 },
    );
    await page.goto('/admin/plugins/double-report');
    const offered = ((await (await communities).json()) as { data: Array<{ name: string }> }).data.map((c) => c.name);
    expect(offered).toEqual(['大西门社区党支部']);
    await page.getByText('大西门社区党支部').first().waitFor({ timeout: 60000 });
    await page.getByRole('tab', { name: '签到审核' }).click();
    const rows = ((await (await verified).json()) as { data: Array<{ documentId: string }> }).data;
    const outside = await strapi()
      .db.query('plugin::double-report.check-in')
      .count({
        where: { documentId: { $in: rows.map((r) => r.documentId) }, scopeCommunity: { $ne: c1Id } },
      });
    expect(outside).toBe(0);
  });

  it('议事协商: the board shows the community’s own item and none of the street’s joint-meeting items', async () => {
    const page = await session.login('zh-Hans');
    const board = page.waitForResponse((r) => new URL(r.url()).pathname === '/deliberation/action-items', {
      timeout: 60000,
    });
    await page.goto('/admin/plugins/deliberation/board');
    const body = (await (await board).json()) as { meta: { pagination: { total: number } } };
    expect(body.meta.pagination.total).toBe(
      await strapi()
        .db.query('plugin::deliberation.action-item')
        .count({ where: { scopeCommunity: c1Id } }),
    );
    await page.getByText(OWN_ITEM).first().waitFor({ timeout: 60000 });
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('两湖街道');
    expect(text).not.toContain('落实决议');
  });
});
