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
  let checkedInAt: Date;
  beforeAll(async () => {
    // First in the community list (codes sort E2E-A0 before E2E-C1): no activity this week, one check-in waiting.
    const c: any = await strapi()
      .documents('api::branch.branch')
      .create({ data: { name: '空活动测试社区', code: 'E2E-A0', level: 'community_branch' } as any });
    const u: any = await strapi()
      .documents('plugin::double-report.unit')
      .create({ data: { name: '空活动测试单位', community: c.documentId } as any });
    const m: any = await strapi()
      .documents('plugin::double-report.member')
      .create({ data: { name: '赵待审', unit: u.documentId, community: c.documentId } as any });
    checkedInAt = new Date(Date.now() - 10 * 86400000);
    const a: any = await strapi()
      .documents('plugin::double-report.activity')
      .create({
        data: {
          title: '十天前的走访',
          kind: 'home_visit',
          community: c.documentId,
          startsAt: checkedInAt.toISOString(),
          endsAt: new Date(checkedInAt.getTime() + 7200000).toISOString(),
        } as any,
      });
    await strapi()
      .documents('plugin::double-report.check-in')
      .create({
        data: {
          member: m.documentId,
          activity: a.documentId,
          memberRef: m.id,
          activityRef: a.id,
          checkedInAt: checkedInAt.toISOString(),
          checkedOutAt: new Date(checkedInAt.getTime() + 3600000).toISOString(),
          minutes: 60,
          source: 'qr',
          status: 'pending',
          year: checkedInAt.getUTCFullYear(),
        } as any,
      });
  });

  for (const [lang, tabs] of [
    [
      'zh-Hans',
      {
        activities: '服务活动与二维码',
        create: '新建服务活动',
        queue: '签到审核',
        date: '签到时间',
        title: '活动',
        save: '创建并显示签到二维码',
      },
    ],
    [
      'en',
      {
        activities: 'Activities & QR codes',
        create: 'New service activity',
        queue: 'Verification queue',
        date: 'Checked in',
        title: 'Activity',
        save: 'Create and show the QR code',
      },
    ],
  ] as const) {
    it(`新建服务活动 creates an activity of the page's community and opens its QR; the queue shows the check-in date (${lang})`, async () => {
      const page = await session.login(lang);
      await page.goto('/admin/plugins/double-report');
      await page.getByRole('tab', { name: tabs.queue }).click();
      // The design system gives header cells role gridcell, not columnheader.
      await page.locator('th', { hasText: tabs.date }).waitFor({ timeout: 30000 });
      const shown = (await page.locator('[data-testid="checked-in-at"]').first().textContent()) ?? '';
      expect(shown).toBe(await page.evaluate((iso) => new Date(iso).toLocaleString(), checkedInAt.toISOString()));
      await page.getByRole('tab', { name: tabs.activities }).click();
      const create = page.getByRole('button', { name: tabs.create });
      await create.waitFor({ timeout: 30000 });
      await create.click();
      // The form asks no community: the activity belongs to the one the page shows.
      const dialog = page.getByRole('dialog');
      const title = `${lang} 楼道清洁志愿服务`;
      await dialog.locator('input[name="title"]').waitFor({ timeout: 30000 });
      await dialog.locator('input[name="title"]').fill(title);
      const local = (h: number) => {
        const d = new Date(Date.now() + h * 3600000);
        const p2 = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}T${p2(d.getHours())}:${p2(d.getMinutes())}`;
      };
      await dialog.locator('input[name="startsAt"]').fill(local(24));
      await dialog.locator('input[name="endsAt"]').fill(local(26));
      await dialog.getByRole('button', { name: tabs.save }).click();
      // Created, listed, and its QR code open, ready to print.
      await page.locator('img[alt*="/checkin/"]').waitFor({ timeout: 30000 });
      await page.getByText(title, { exact: true }).first().waitFor();
      const row: any = await strapi()
        .db.query('plugin::double-report.activity')
        .findOne({ where: { title }, populate: { community: true } });
      expect(row.community.code).toBe('E2E-A0');
    });
  }

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
      await page.getByText(lang === 'en' ? 'Export Excel' : '导出 Excel').waitFor({ timeout: 30000 });
    });
  }
});
