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
  c = await strapi()
    .documents('api::branch.branch')
    .create({ data: { name: '评价测试社区', code: 'E2E-S1', level: 'community_branch' } as any });
  // Community staff work in their community: the plugin's admin routes answer within it.
  await strapi()
    .documents('api::staff-assignment.staff-assignment' as any)
    .create({ data: { adminEmail: session.admin.email, branch: c.documentId } as any });
  const u: any = await strapi()
    .documents('plugin::double-report.unit')
    .create({ data: { name: '评价测试单位', community: c.documentId } as any });
  m = await strapi()
    .documents('plugin::double-report.member')
    .create({ data: { name: '李补录', unit: u.documentId, community: c.documentId } as any });
  const start = new Date(Date.now() - 3 * 3600000);
  start.setSeconds(0, 0);
  a = await strapi()
    .documents('plugin::double-report.activity')
    .create({
      data: {
        title: '补录测试活动',
        kind: 'home_visit',
        community: c.documentId,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 2 * 3600000).toISOString(),
      } as any,
    });
  for (const [title, status] of [
    ['已完成事项甲', 'done'],
    ['已完成事项乙', 'done'],
  ]) {
    await strapi()
      .documents('plugin::double-report.list-item')
      .create({
        data: {
          type: 'need',
          title,
          community: c.documentId,
          status,
          claimedBy: u.documentId,
          doneYear: new Date().getUTCFullYear(),
        } as any,
      });
  }
});
afterAll(() => session?.close());

/** "YYYY-MM-DDTHH:mm" in the browser's (and this process's) local time, for datetime-local inputs. */
const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);

for (const [lang, w, title] of [
  [
    'zh-Hans',
    {
      evaluate: '评价',
      rating: '评价',
      tab: '签到审核',
      member: '党员',
      activity: '活动',
      record: '补录',
      saved: /已补录：服务 60 分钟/,
      conflict: /已签到|covering this time/,
      reason: '核实未到场',
      revoke: '撤销',
      revoked: /已撤销，冲回积分 -3/,
    },
    '已完成事项甲',
  ],
  [
    'en',
    {
      evaluate: 'Evaluate',
      rating: 'Rating',
      tab: 'Verification queue',
      member: 'Member',
      activity: 'Activity',
      record: 'Record',
      saved: /Recorded: 60 minutes/,
      conflict: /covering this time/,
      reason: 'not present',
      revoke: 'Revoke',
      revoked: /Revoked; -3 points reversed/,
    },
    '已完成事项乙',
  ],
] as const) {
  describe(`staff actions in ${lang}`, () => {
    it('evaluates a done item on the board', async () => {
      const page = await session.login(lang);
      await page.goto('/admin/plugins/double-report');
      const card = page
        .locator('div')
        .filter({ hasText: title })
        .filter({ has: page.getByRole('button', { name: w.evaluate, exact: true }) })
        .last();
      await card.waitFor({ timeout: 30000 });
      await card.getByRole('combobox').click();
      await page.getByRole('option', { name: '★★★★', exact: true }).click();
      await card.locator('input').last().fill('按时完成');
      await card.getByRole('button', { name: w.evaluate, exact: true }).click();
      // Saved: the card reloads as evaluated (no form any more) and shows the stars as text.
      const saved = page.getByText(title).locator('..');
      await saved.getByRole('button', { name: w.evaluate, exact: true }).waitFor({ state: 'detached', timeout: 15000 });
      await saved.getByText(`${w.rating}: ★★★★`).waitFor();
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
      await page
        .locator('input[name="checkedOutAt"], [name="checkedOutAt"] input')
        .first()
        .fill(local(new Date(start.getTime() + 60 * 60000)));
      await page.getByRole('button', { name: w.record, exact: true }).click();
      // The zh-Hans run records the hour; the en run (after it) repeats the same hour and is refused, nothing added.
      await page
        .getByRole('status')
        .filter({ hasText: lang === 'zh-Hans' ? w.saved : w.conflict })
        .waitFor({ timeout: 15000 });
      const rows: any[] = await strapi()
        .db.query('plugin::double-report.check-in')
        .findMany({ where: { memberRef: m.id, activityRef: a.id } });
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ source: 'manual', minutes: 60, status: 'pending' });
      // The queue lists it for verification.
      await page.getByText('李补录', { exact: false }).last().waitFor();
    });

    it('revokes a verified check-in from the recently verified list; the ledger nets to zero', async () => {
      const act: any = await strapi()
        .documents('plugin::double-report.activity')
        .create({
          data: {
            title: `撤销测试活动 ${lang}`,
            kind: 'policy_talk',
            community: c.documentId,
            startsAt: '2025-06-01T01:00:00.000Z',
            endsAt: '2025-06-01T03:00:00.000Z',
          } as any,
        });
      const ci: any = await strapi()
        .documents('plugin::double-report.check-in')
        .create({
          data: {
            member: m.documentId,
            activity: act.documentId,
            memberRef: m.id,
            activityRef: act.id,
            checkedInAt: '2025-06-01T01:00:00.000Z',
            checkedOutAt: '2025-06-01T02:00:00.000Z',
            minutes: 60,
            source: 'qr',
            status: 'pending',
            year: 2025,
          } as any,
        });
      // 60 min × 1 + 4 stars × 0.5 = 3 points.
      await strapi()
        .plugin('double-report')
        .service('verification')
        .decide(ci.documentId, { status: 'verified', rating: 4 }, 'e2e');
      const page = await session.login(lang);
      await page.goto('/admin/plugins/double-report');
      await page.getByRole('tab', { name: w.tab }).click();
      const row = page.getByRole('row').filter({ hasText: `撤销测试活动 ${lang}` });
      await row.getByRole('textbox').fill(w.reason);
      await row.getByRole('button', { name: w.revoke, exact: true }).click();
      await page.getByRole('alert').filter({ hasText: w.revoked }).waitFor({ timeout: 15000 });
      await row.waitFor({ state: 'detached' });
      const entries: any[] = await strapi()
        .db.query('plugin::double-report.points-entry')
        .findMany({ where: { memberRef: m.id, year: 2025 } });
      const mine = entries.filter(
        (e) => e.sourceRef === ci.documentId || String(e.sourceRef).endsWith(`:${ci.documentId}`),
      );
      expect(mine.map((e) => [e.source, Number(e.points)]).sort()).toEqual([
        ['rating', 2],
        ['reversal', -1],
        ['reversal', -2],
        ['verified_hours', 1],
      ]);
      expect(mine.find((e) => e.source === 'reversal').reason).toMatch(w.reason);
    });
  });
}

describe('report-ins waiting in the verification tab', () => {
  for (const [lang, tab, accept] of [
    ['zh-Hans', '签到审核', '接收'],
    ['en', 'Verification queue', 'Accept'],
  ] as const) {
    it(`staff accept a pending report-in (${lang})`, async () => {
      const r: any = await strapi()
        .documents('plugin::double-report.registration')
        .create({
          data: {
            kind: 'member',
            member: m.documentId,
            community: c.documentId,
            reportedOn: new Date().toISOString().slice(0, 10),
            status: 'pending',
          } as any,
        });
      const page = await session.login(lang);
      await page.goto('/admin/plugins/double-report');
      await page.getByRole('tab', { name: tab }).click();
      const row = page.locator(`[data-testid="registration-${r.documentId}"]`);
      await row.getByText('李补录').waitFor({ timeout: 30000 });
      await row.getByRole('button', { name: accept, exact: true }).click();
      await row.waitFor({ state: 'detached', timeout: 15000 });
      const saved: any = await strapi()
        .db.query('plugin::double-report.registration')
        .findOne({ where: { documentId: r.documentId } });
      expect(saved.status).toBe('accepted');
    });
  }
});
