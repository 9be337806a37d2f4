import { startAdminSession, type AdminSession } from './helpers/admin';
import { strapi } from '../helpers/strapi';

// Staff actions added to the admin pages: evaluate a done list item on the board, record a
// check-in by hand in the verification queue. Each is checked in the database afterwards.
let session: AdminSession;
let c: any;
let m: any;
let a: any;
beforeAll(async () => {
  session = await startAdminSession({ seed: false, role: 'community-staff' });
  c = await strapi().documents('api::branch.branch').create({ data: { name: '评价测试社区', code: 'E2E-S1', level: 'community_branch' } as any });
  const u: any = await strapi().documents('plugin::double-report.unit').create({ data: { name: '评价测试单位', community: c.documentId } as any });
  m = await strapi().documents('plugin::double-report.member').create({ data: { name: '李补录', unit: u.documentId, community: c.documentId } as any });
  const start = new Date(Date.now() - 3 * 3600000);
  start.setSeconds(0, 0);
  a = await strapi().documents('plugin::double-report.activity').create({
    data: { title: '补录测试活动', kind: 'home_visit', community: c.documentId, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 3600000).toISOString() } as any,
  });
  for (const [title, status] of [['已完成事项甲', 'done'], ['已完成事项乙', 'done']]) {
    await strapi().documents('plugin::double-report.list-item').create({ data: { type: 'need', title, community: c.documentId, status, claimedBy: u.documentId, doneYear: new Date().getUTCFullYear() } as any });
  }
});
afterAll(() => session?.close());

/** "YYYY-MM-DDTHH:mm" in the browser's (and this process's) local time, for datetime-local inputs. */
const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);

for (const [lang, w, title] of [
  ['zh-Hans', { evaluate: '评价', tab: '签到审核', member: '党员', activity: '活动', record: '补录', saved: /已补录：服务 60 分钟/, conflict: /已签到|covering this time/ }, '已完成事项甲'],
  ['en', { evaluate: 'Evaluate', tab: 'Verification queue', member: 'Member', activity: 'Activity', record: 'Record', saved: /Recorded: 60 minutes/, conflict: /covering this time/ }, '已完成事项乙'],
] as const) {
  describe(`staff actions in ${lang}`, () => {
    it('evaluates a done item on the board', async () => {
      const page = await session.login(lang);
      await page.goto('/admin/plugins/double-report');
      const card = page.locator('div').filter({ hasText: title }).filter({ has: page.getByRole('button', { name: w.evaluate, exact: true }) }).last();
      await card.waitFor({ timeout: 30000 });
      await card.getByRole('combobox').click();
      await page.getByRole('option', { name: '★★★★', exact: true }).click();
      await card.locator('input').last().fill('按时完成');
      await card.getByRole('button', { name: w.evaluate, exact: true }).click();
      await page.getByText(title).locator('..').getByText('★★★★').waitFor({ timeout: 15000 });
      const row: any = await strapi().db.query('plugin::double-report.list-item').findOne({ where: { title } });
      expect(row).toMatchObject({ status: 'evaluated', rating: 4, ratingComment: '按时完成' });
    });

    it('records a manual check-in in the verification queue; a duplicate shows the refusal', async () => {
      const page = await session.login(lang);
      await page.goto('/admin/plugins/double-report');
      await page.getByRole('tab', { name: w.tab }).click();
      await page.getByRole('combobox', { name: w.member, exact: true }).click();
      await page.getByRole('option', { name: /李补录/ }).click();
      await page.getByRole('combobox', { name: w.activity, exact: true }).click();
      await page.getByRole('option', { name: /补录测试活动/ }).click();
      const start = new Date(a.startsAt);
      await page.locator('input[name="checkedInAt"], [name="checkedInAt"] input').first().fill(local(start));
      await page.locator('input[name="checkedOutAt"], [name="checkedOutAt"] input').first().fill(local(new Date(start.getTime() + 60 * 60000)));
      await page.getByRole('button', { name: w.record, exact: true }).click();
      // The zh-Hans run records the hour; the en run (after it) repeats the same hour and is refused, nothing added.
      await page.getByRole('status').filter({ hasText: lang === 'zh-Hans' ? w.saved : w.conflict }).waitFor({ timeout: 15000 });
      const rows: any[] = await strapi().db.query('plugin::double-report.check-in').findMany({ where: { memberRef: m.id, activityRef: a.id } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ source: 'manual', minutes: 60, status: 'pending' });
      // The queue lists it for verification.
      await page.getByText('李补录', { exact: false }).last().waitFor();
    });
  });
}
