import { startAdminSession, type AdminSession } from './helpers/admin';
import { strapi } from '../helpers/strapi';
import { createUser } from '../helpers/auth';

let session: AdminSession;
beforeAll(async () => {
  // Own fixtures instead of the whole demo: this page needs one community, unit and member.
  session = await startAdminSession({ seed: false });
});
afterAll(() => session?.close());

describe('member check-in page on a phone (Chromium, 390×844)', () => {
  it('logs in, checks in with the scanned QR token, checks out and shows the year', async () => {
    const c: any = await strapi()
      .documents('api::branch.branch')
      .create({ data: { name: '手机测试社区', code: 'E2E-C1', level: 'community_branch' } as any });
    const u: any = await strapi()
      .documents('plugin::double-report.unit')
      .create({ data: { name: '手机测试单位', community: c.documentId } as any });
    const account = await createUser('party-member');
    const demoMember: any = await strapi()
      .documents('plugin::double-report.member')
      .create({
        data: { name: '王建国', unit: u.documentId, community: c.documentId } as any,
        populate: ['community'] as any,
      });
    await strapi()
      .db.query('plugin::double-report.member')
      .update({ where: { id: demoMember.id }, data: { account: account.user.id } });
    const now = Date.now();
    const activity: any = await strapi()
      .documents('plugin::double-report.activity')
      .create({
        data: {
          title: '手机签到测试活动',
          kind: 'home_visit',
          community: demoMember.community.documentId,
          startsAt: new Date(now - 600000).toISOString(),
          endsAt: new Date(now + 3600000).toISOString(),
          qrToken: 'phone-token',
          qrRotatedAt: new Date(now).toISOString(),
        } as any,
      });
    const page = await session.anonymous({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(`/checkin/?activity=${activity.documentId}&token=phone-token`);
    await page.fill('input[name=identifier]', account.username);
    await page.fill('input[name=password]', account.password);
    await page.click('button[type=submit]');
    await page.locator('#app').waitFor({ state: 'visible' });
    await page.click('#checkin');
    await page.getByText('签到成功：手机签到测试活动').waitFor();
    await page.click('#checkin');
    await page.getByText(/已签到，请先签退/).waitFor();
    await page.click('#checkout');
    await page.getByText(/签退成功，本次服务 \d+ 分钟/).waitFor();
    const rows = await strapi()
      .db.query('plugin::double-report.check-in')
      .findMany({ where: { memberRef: demoMember.id, activityRef: activity.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].checkedOutAt).toBeTruthy();
    // The page's layout fits the phone: no horizontal scroll.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});

describe('admin pages', () => {
  for (const [lang, words] of [
    ['zh-Hans', ['三张清单', '签到审核', '年度统计', '需求清单']],
    ['en', ['Three lists', 'Verification queue', 'Yearly dashboard', 'Needs']],
  ] as const) {
    it(`shows the board, queue and dashboard in ${lang}`, async () => {
      const page = await session.login(lang);
      await page.goto('/admin/plugins/double-report');
      for (const w of words) await page.getByText(w, { exact: true }).first().waitFor({ timeout: 30000 });
      await page.getByText(words[2], { exact: true }).first().click();
      await page.getByText(lang === 'en' ? 'Export CSV' : '导出 CSV').waitFor({ timeout: 30000 });
    });
  }
});
