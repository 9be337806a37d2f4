import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startAdminSession, type AdminSession, type Lang } from './helpers/admin';
import { strapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/auth';

/**
 * The star-scoring admin pages in Chromium, in both languages. Every figure on screen is compared with
 * what the database holds (the demo campaign of last year), never with constants.
 */
const A = 'plugin::star-scoring.assessment';
const BRANCH = 'api::branch.branch';
const year = new Date().getFullYear() - 1;
const base = '/admin/plugins/star-scoring';

const messages: Record<Lang, Record<string, string>> = {
  'zh-Hans': JSON.parse(
    readFileSync(join(__dirname, '../../src/plugins/star-scoring/admin/src/translations/zh-Hans.json'), 'utf8'),
  ),
  en: JSON.parse(
    readFileSync(join(__dirname, '../../src/plugins/star-scoring/admin/src/translations/en.json'), 'utf8'),
  ),
};
const say = (lang: Lang, key: string, values: Record<string, unknown> = {}) =>
  messages[lang][key].replace(/\{(\w+)\}/g, (_, k) => String(values[k]));

let session: AdminSession;
/** A second street with one community branch of its own, so the parent filter has something to narrow. */
let otherStreet: { documentId: string; name: string };
let freshBranch: { documentId: string; code: string };
let countyNode: string;
/** The assessment each language's form test created, walked on by the reviewer test. */
const created: Partial<Record<Lang, { documentId: string; sheet: any }>> = {};

beforeAll(async () => {
  session = await startAdminSession();
  // Under the demo county office, so county-assigned staff see it with the demo's communities.
  const county: any = await strapi()
    .db.query(BRANCH)
    .findOne({ where: { code: 'WS' } });
  const s: any = await strapi()
    .documents(BRANCH as any)
    .create({
      data: {
        code: 'E2E-ST',
        name: '测试街道党工委',
        level: 'street_committee',
        category: 'urban',
        parent: county.documentId,
      } as any,
    });
  countyNode = county.documentId;
  otherStreet = { documentId: s.documentId, name: s.name };
  const b: any = await strapi()
    .documents(BRANCH as any)
    .create({
      data: {
        code: 'E2E-C1',
        name: '测试社区党支部',
        level: 'community_branch',
        category: 'urban',
        parent: s.documentId,
      } as any,
    });
  freshBranch = { documentId: b.documentId, code: b.code };
});
afterAll(() => session?.close());

/** Branches per level (0–5) of the year straight from the tables. */
async function levelsFromDb() {
  const branches: any[] = await strapi()
    .db.query(BRANCH)
    .findMany({ where: { level: 'community_branch' }, select: ['id'] });
  const approved: any[] = await strapi()
    .db.query(A)
    .findMany({ where: { year, status: 'approved' }, select: ['branchRef'] });
  const counts = [0, 0, 0, 0, 0, 0];
  for (const b of branches) counts[approved.filter((a) => a.branchRef === b.id).length] += 1;
  return counts;
}

async function pickOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Polls the row count (the admin's CSP forbids the eval behind page.waitForFunction). */
async function waitForRows(page: Page, n: number) {
  const rows = page.locator('[data-testid="ranking"][data-loaded="yes"] tbody tr');
  for (let i = 0; i < 150 && (await rows.count()) !== n; i++) await page.waitForTimeout(200);
}

async function rankingCodes(page: Page) {
  await page.locator('[data-testid="ranking"][data-loaded="yes"]').waitFor({ timeout: 30000 });
  return page
    .locator('[data-testid="ranking"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
}

describe.each(['zh-Hans', 'en'] as Lang[])('star-scoring admin pages in %s', (lang) => {
  it('the campaign dashboard shows branches per level and progress per status equal to the database', async () => {
    const page = await session.login(lang);
    await page.goto(`${base}/dashboard`);
    await page.getByRole('heading', { name: say(lang, 'dashboard.title') }).waitFor({ timeout: 60000 });
    await page.locator('[data-testid="levels"][data-loaded="yes"]').waitFor({ timeout: 30000 });
    const expected = await levelsFromDb();
    expect(expected.some((n, l) => l > 0 && n > 0)).toBe(true);
    const shown = await page.locator('[data-testid="levels"] td').allTextContents();
    expect(shown.map(Number)).toEqual(expected);

    const rows: any[] = await strapi()
      .db.query(A)
      .findMany({ where: { year }, select: ['status'] });
    for (const status of ['approved', 'rejected', 'self_assessed']) {
      const n = rows.filter((r) => r.status === status).length;
      const cell = page.locator(`[data-testid="progress"] tr[data-star="all"] td[data-status="${status}"]`);
      expect(Number(await cell.textContent())).toBe(n);
    }
    const lh = page.locator('[data-testid="streets"] tr[data-code="LH"] td');
    await lh.first().waitFor({ timeout: 30000 });
    const lhBranches = (
      await strapi()
        .db.query(BRANCH)
        .findMany({ where: { level: 'community_branch', parent: { code: 'LH' } }, select: ['id'] })
    ).length;
    expect(Number(await lh.nth(1).textContent())).toBe(lhBranches);
  });

  it('the ranking page narrows the list to the chosen parent branch', async () => {
    const page = await session.login(lang);
    await page.goto(base);
    await page.getByRole('heading', { name: say(lang, 'plugin.name') }).waitFor({ timeout: 60000 });
    const all = await rankingCodes(page);
    const community: any[] = await strapi()
      .db.query(BRANCH)
      .findMany({ where: { level: 'community_branch' }, select: ['code'] });
    expect(all.sort()).toEqual(community.map((b) => b.code).sort());
    expect(await page.locator('[data-testid="ranking-page"]').textContent()).toBe(
      say(lang, 'ranking.page', { page: 1, pages: 1, total: community.length }),
    );

    await pickOption(page, say(lang, 'filter.parent'), otherStreet.name);
    await waitForRows(page, 1);
    expect(await rankingCodes(page)).toEqual([freshBranch.code]);

    await pickOption(page, say(lang, 'filter.parent'), '两湖街道党工委');
    const lh: any[] = await strapi()
      .db.query(BRANCH)
      .findMany({ where: { level: 'community_branch', parent: { code: 'LH' } }, select: ['code'] });
    await waitForRows(page, lh.length);
    expect((await rankingCodes(page)).sort()).toEqual(lh.map((b) => b.code).sort());
    expect(lh.length).toBeLessThan(community.length);
  });

  it('the scorecard shows the five stars with their status and the open rectification task', async () => {
    const task: any = await strapi()
      .db.query('plugin::star-scoring.rectification')
      .findOne({ where: { year, status: 'open' } });
    const branch: any = await strapi()
      .db.query(BRANCH)
      .findOne({ where: { id: task.branchRef } });
    const page = await session.login(lang);
    await page.goto(`${base}/branches/${branch.documentId}?year=${year}`);
    await page.getByRole('heading', { name: `${branch.name}（${branch.code}）` }).waitFor({ timeout: 60000 });
    const sheets: any[] = await strapi().plugin('star-scoring').service('sheets').forCategory(branch.category);
    const assessments: any[] = await strapi()
      .db.query(A)
      .findMany({ where: { branchRef: branch.id, year } });
    expect(sheets).toHaveLength(5);
    for (const s of sheets) {
      const box = page.locator(`[data-testid="star-${s.key}"]`);
      await expect(box.getByRole('heading', { name: s.name }).count()).resolves.toBe(1);
      expect(await box.getAttribute('data-status')).toBe(
        assessments.find((a) => a.starKey === s.key)?.status ?? 'none',
      );
    }
    const row = page.locator(`[data-testid="rectifications"] tr[data-criterion="${task.criterionCode}"]`);
    expect(await row.getAttribute('data-status')).toBe('open');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(task.owner);
    expect(text).toContain(String(task.dueDate).slice(0, 10));
    expect(text).toContain(say(lang, 'rect.status.open'));
  });

  it('the assessment form: new draft, live totals, a score above max refused, save and submit', async () => {
    const sheets: any[] = await strapi().plugin('star-scoring').service('sheets').forCategory('urban');
    const sheet = sheets[lang === 'en' ? 1 : 0];
    const page = await session.login(lang);
    await page.goto(`${base}/branches/${freshBranch.documentId}?year=${year}`);
    await page.locator(`[data-testid="new-${sheet.key}"]`).click({ timeout: 60000 });
    await page.waitForURL(/\/assessments\/[a-z0-9]+$/, { timeout: 30000 });
    const documentId = page.url().split('/').pop()!;
    created[lang] = { documentId, sheet };
    const row = () => strapi().db.query(A).findOne({ where: { documentId } });
    expect((await row()).status).toBe('draft');
    await page.locator('[data-testid="totals"]').waitFor({ timeout: 30000 });

    // Type each score: the running total follows every keystroke.
    let sum = 0;
    for (const c of sheet.criteria) {
      await page.locator(`input[name="score-${c.code}"]`).fill(String(c.maxPoints - (c.veto ? 0 : 1)));
      sum += c.maxPoints - (c.veto ? 0 : 1);
      await expect(page.locator('[data-testid="totals-sum"]').textContent()).resolves.toContain(
        say(lang, 'totals.sum', { sum, threshold: sheet.passThreshold }),
      );
      if (c.evidenceRequired) await page.locator(`textarea[name="evidence-${c.code}"]`).fill(`${c.title} 台账`);
    }
    expect(await page.locator('[data-testid="totals"]').getAttribute('data-passed')).toBe(
      sum >= sheet.passThreshold ? 'yes' : 'no',
    );

    // Above the maximum: the form says so, and Save brings the server's 400 naming the field; nothing is written.
    const i = sheet.criteria.findIndex((c: any) => !c.veto);
    const c = sheet.criteria[i];
    await page.locator(`input[name="score-${c.code}"]`).fill(String(c.maxPoints + 5));
    await page.getByText(say(lang, 'form.overMax', { max: c.maxPoints })).waitFor({ timeout: 10000 });
    await page.locator('button[data-action="save"]').click();
    const alert = page.locator('[data-testid="message"]');
    await alert.waitFor({ timeout: 30000 });
    // the server's refusal, read by the field's label in the page's language (kit refusalText)
    expect(await alert.textContent()).toContain(
      lang === 'en'
        ? `Item #${i + 1} › Score: must be at most ${c.maxPoints}`
        : `第 ${i + 1} 项评分项的得分：不能超过 ${c.maxPoints} 分`,
    );
    expect((await row()).items ?? []).toEqual([]);

    // Back within bounds: Save writes every item, Submit moves the draft on.
    await page.locator(`input[name="score-${c.code}"]`).fill(String(c.maxPoints - 1));
    await page.locator('button[data-action="save"]').click();
    await page.locator('[data-testid="message"]').getByText(say(lang, 'flow.done.save')).waitFor({ timeout: 30000 });
    const saved: any = await row();
    expect(saved.items).toHaveLength(sheet.criteria.length);
    expect(Number(saved.selfScore)).toBe(sum);

    // Evidence files: an accepted type is listed under its criterion, a refused one shows the server's 400.
    // Uploads are judged by their bytes: a (minimal) PDF is accepted, HTML is not.
    const ledger = `ledger-${lang}.pdf`;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await page
      .locator(`input[name="file-${c.code}"]`)
      .setInputFiles({ name: ledger, mimeType: 'application/pdf', buffer: pdf });
    await page.locator(`[data-testid="files-${c.code}"] [data-file="${ledger}"]`).waitFor({ timeout: 30000 });
    const evidence: any[] = await strapi()
      .db.query('plugin::star-scoring.evidence')
      .findMany({ where: { assessmentRef: saved.id, criterionCode: c.code }, populate: { file: true } });
    expect(evidence.map((e) => e.file?.name)).toEqual([ledger]);
    await page
      .locator(`input[name="file-${c.code}"]`)
      .setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<script>1</script>') });
    await alert
      .getByText(lang === 'en' ? /^File: content is not a recognised file type/ : /^文件：文件类型不受支持/)
      .waitFor({ timeout: 30000 });
    expect(
      await strapi()
        .db.query('plugin::star-scoring.evidence')
        .count({ where: { assessmentRef: saved.id } }),
    ).toBe(1);

    await page.locator('button[data-action="submit"]').click();
    await page.locator('[data-testid="message"]').getByText(say(lang, 'flow.done.submit')).waitFor({ timeout: 30000 });
    expect((await row()).status).toBe('self_assessed');
    await page
      .locator('[data-testid="status"]')
      .getByText(say(lang, 'status.self_assessed'))
      .waitFor({ timeout: 30000 });
  });

  it('the reviewer buttons follow the status; refusals show the server message', async () => {
    const { documentId, sheet } = created[lang]!;
    const row = () => strapi().db.query(A).findOne({ where: { documentId } });
    const page = await session.login(lang);
    await page.goto(`${base}/assessments/${documentId}`);
    await page.locator('button[data-action="review"]').waitFor({ timeout: 60000 });
    // At 1440 px the last column (指标建议分) is on screen, not behind a sideways scroll.
    // (The design system gives header cells role gridcell, not columnheader.)
    const suggestion = await page.locator('th', { hasText: say(lang, 'form.suggestion') }).boundingBox();
    expect(suggestion!.x + suggestion!.width).toBeLessThanOrEqual(1440);
    expect(await page.locator('button[data-action="save"]').count()).toBe(0);

    // The inspection team starts from the self scores and lowers one; the total follows.
    const stored: any = await row();
    const self = new Map<string, number>(stored.items.map((x: any) => [x.code, Number(x.self)]));
    const c = sheet.criteria.find((x: any) => !x.veto);
    await page.locator(`input[name="score-${c.code}"]`).fill(String(self.get(c.code)! - 3));
    const sum = [...self.values()].reduce((a, b) => a + b, 0) - 3;
    await expect(page.locator('[data-testid="totals-sum"]').textContent()).resolves.toContain(
      say(lang, 'totals.sum', { sum, threshold: sheet.passThreshold }),
    );
    await page.locator('button[data-action="review"]').click();
    await page.locator('[data-testid="message"]').getByText(say(lang, 'flow.done.review')).waitFor({ timeout: 30000 });
    const reviewed: any = await row();
    expect(reviewed.status).toBe('reviewed');
    expect(Number(reviewed.reviewedScore)).toBe(sum);

    const ends = new Date(Date.now() + 10 * 86400000).toISOString().slice(0, 10);
    await page.locator('input[name="endsOn"]').fill(ends);
    await page.locator('button[data-action="publicize"]').click();
    await page
      .locator('[data-testid="message"]')
      .getByText(say(lang, 'flow.done.publicize'))
      .waitFor({ timeout: 30000 });
    expect((await row()).status).toBe('publicized');

    // Approving before the publicity ends is refused with the server's 409.
    await page.locator('button[data-action="approve"]').click();
    const alert = page.locator('[data-testid="message"]');
    await alert
      .getByText(lang === 'en' ? /Publicity ends: publicity runs until/ : /公示截止：公示期至/)
      .waitFor({ timeout: 30000 });
    expect((await row()).status).toBe('publicized');

    // Reject needs a reason (400 naming it), then goes through and can be reopened.
    await page.locator('button[data-action="reject"]').click();
    await alert.getByText(lang === 'en' ? /^Reason: / : /^原因：/).waitFor({ timeout: 30000 });
    expect((await row()).status).toBe('publicized');
    await page.locator('input[name="reason"]').fill('佐证材料不全');
    await page.locator('button[data-action="reject"]').click();
    await page.locator('[data-testid="message"]').getByText(say(lang, 'flow.done.reject')).waitFor({ timeout: 30000 });
    const rejected: any = await row();
    expect([rejected.status, rejected.reason]).toEqual(['rejected', '佐证材料不全']);
    await page.locator('button[data-action="reopen"]').click();
    await page.locator('[data-testid="message"]').getByText(say(lang, 'flow.done.reopen')).waitFor({ timeout: 30000 });
    expect((await row()).status).toBe('draft');
  });

  it('the scorecard turns a criterion under max into a rectification task and closes it', async () => {
    const { documentId, sheet } = created[lang]!;
    const a: any = await strapi().db.query(A).findOne({ where: { documentId } });
    const c = sheet.criteria.find((x: any) => !x.veto);
    const page = await session.login(lang);
    await page.goto(`${base}/branches/${freshBranch.documentId}?year=${year}`);
    const rectify = page.locator(`[data-testid="rectify-${c.code}"]`);
    await rectify.waitFor({ timeout: 60000 });
    // At 1440 px the 转为整改任务 button is on screen, not behind a sideways scroll.
    const box = await rectify.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
    await rectify.click();
    await page.locator(`[data-testid="rectify-form-${c.code}"] input[name="owner"]`).fill('王书记');
    await page.locator(`[data-testid="rectify-form-${c.code}"] input[name="dueDate"]`).fill(`${year + 1}-03-31`);
    await page.locator(`[data-testid="rectify-save-${c.code}"]`).click();
    const taskRow = page.locator(`[data-testid="rectifications"] tr[data-criterion="${c.code}"]`);
    await taskRow.waitFor({ timeout: 30000 });
    const task: any = await strapi()
      .db.query('plugin::star-scoring.rectification')
      .findOne({ where: { assessmentRef: a.id, criterionCode: c.code } });
    expect([task.owner, String(task.dueDate).slice(0, 10), task.status]).toEqual([
      '王书记',
      `${year + 1}-03-31`,
      'open',
    ]);
    expect(await taskRow.textContent()).toContain('王书记');
    // The file attached on the form shows on the scorecard beside the criterion's evidence.
    expect(await page.locator(`[data-testid="star-${sheet.key}"] tr[data-code="${c.code}"]`).textContent()).toContain(
      `ledger-${lang}.pdf`,
    );

    await taskRow.getByRole('button', { name: say(lang, 'rect.close') }).click();
    await page
      .locator(`[data-testid="rectifications"] tr[data-criterion="${c.code}"][data-status="done"]`)
      .waitFor({ timeout: 30000 });
    expect(
      (
        await strapi()
          .db.query('plugin::star-scoring.rectification')
          .findOne({ where: { id: task.id } })
      ).status,
    ).toBe('done');
  });
});

describe('star-scoring admin pages for an assessor without review rights', () => {
  it('offer self-assessment buttons on a draft and no inspection-team buttons on a submitted sheet', async () => {
    const roles: any = strapi().service('admin::role');
    const role = await roles.create({
      name: '测试考评填报员',
      code: 'e2e-ss-assessor',
      description: 'read + assess only',
    });
    await roles.assignPermissions(
      role.id,
      ['read', 'assess'].map((a) => ({
        action: `plugin::star-scoring.${a}`,
        subject: null,
        conditions: [],
        properties: {},
      })),
    );
    const assessor = await createAdmin('e2e-ss-assessor');
    // Scoped like every staff account (here: the whole county, so both sheets below are inside it).
    await strapi()
      .documents('api::staff-assignment.staff-assignment' as any)
      .create({ data: { adminEmail: assessor.email, branch: countyNode } as any });
    const page = await session.login('en', { as: assessor });

    const sheets: any[] = await strapi().plugin('star-scoring').service('sheets').forCategory('urban');
    const draft: any = await strapi()
      .plugin('star-scoring')
      .service('assessments')
      .create({ branch: freshBranch.documentId, year, star: sheets[2].key }, 'e2e');
    await page.goto(`${base}/assessments/${draft.documentId}`);
    await page.locator('button[data-action="submit"]').waitFor({ timeout: 60000 });
    expect(await page.locator('button[data-action="save"]').count()).toBe(1);

    const submitted: any = await strapi()
      .db.query(A)
      .findOne({ where: { status: 'self_assessed' } });
    await page.goto(`${base}/assessments/${submitted.documentId}`);
    await page.locator('[data-testid="totals"]').waitFor({ timeout: 60000 });
    await page.locator('[data-testid="actions"][data-rbac="ready"]').waitFor({ state: 'attached', timeout: 30000 });
    expect(await page.locator('[data-testid="actions"] button').count()).toBe(0);
    expect(await page.locator('input[name^="score-"]').count()).toBe(0);
    await page.context().close();
  });
});
