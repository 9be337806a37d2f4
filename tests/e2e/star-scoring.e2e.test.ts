import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startAdminSession, type AdminSession, type Lang } from './helpers/admin';
import { strapi } from '../helpers/strapi';

/**
 * The star-scoring admin pages in Chromium, in both languages. Every figure on screen is compared with
 * what the database holds (the demo campaign of last year), never with constants.
 */
const A = 'plugin::star-scoring.assessment';
const BRANCH = 'api::branch.branch';
const year = new Date().getFullYear() - 1;
const base = '/admin/plugins/star-scoring';

const messages: Record<Lang, Record<string, string>> = {
  'zh-Hans': JSON.parse(readFileSync(join(__dirname, '../../src/plugins/star-scoring/admin/src/translations/zh-Hans.json'), 'utf8')),
  en: JSON.parse(readFileSync(join(__dirname, '../../src/plugins/star-scoring/admin/src/translations/en.json'), 'utf8')),
};
const say = (lang: Lang, key: string, values: Record<string, unknown> = {}) =>
  messages[lang][key].replace(/\{(\w+)\}/g, (_, k) => String(values[k]));

let session: AdminSession;
/** A second street with one community branch of its own, so the parent filter has something to narrow. */
let otherStreet: { documentId: string; name: string };
let freshBranch: { documentId: string; code: string };

beforeAll(async () => {
  session = await startAdminSession();
  const s: any = await strapi().documents(BRANCH as any).create({ data: { code: 'E2E-ST', name: '测试街道党工委', level: 'street_committee', category: 'urban' } as any });
  otherStreet = { documentId: s.documentId, name: s.name };
  const b: any = await strapi().documents(BRANCH as any).create({ data: { code: 'E2E-C1', name: '测试社区党支部', level: 'community_branch', category: 'urban', parent: s.documentId } as any });
  freshBranch = { documentId: b.documentId, code: b.code };
});
afterAll(() => session?.close());

/** Branches per level (0–5) of the year straight from the tables. */
async function levelsFromDb() {
  const branches: any[] = await strapi().db.query(BRANCH).findMany({ where: { level: 'community_branch' }, select: ['id'] });
  const approved: any[] = await strapi().db.query(A).findMany({ where: { year, status: 'approved' }, select: ['branchRef'] });
  const counts = [0, 0, 0, 0, 0, 0];
  for (const b of branches) counts[approved.filter((a) => a.branchRef === b.id).length] += 1;
  return counts;
}

async function pickOption(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function rankingCodes(page: Page) {
  await page.locator('[data-testid="ranking"][data-loaded="yes"]').waitFor({ timeout: 30000 });
  return page.locator('[data-testid="ranking"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
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

    const rows: any[] = await strapi().db.query(A).findMany({ where: { year }, select: ['status'] });
    for (const status of ['approved', 'rejected', 'self_assessed']) {
      const n = rows.filter((r) => r.status === status).length;
      const cell = page.locator(`[data-testid="progress"] tr[data-star="all"] td[data-status="${status}"]`);
      expect(Number(await cell.textContent())).toBe(n);
    }
    const lh = page.locator('[data-testid="streets"] tr[data-code="LH"] td');
    await lh.first().waitFor({ timeout: 30000 });
    const lhBranches = (await strapi().db.query(BRANCH).findMany({ where: { level: 'community_branch', parent: { code: 'LH' } }, select: ['id'] })).length;
    expect(Number(await lh.nth(1).textContent())).toBe(lhBranches);
  });

  it('the ranking page narrows the list to the chosen parent branch', async () => {
    const page = await session.login(lang);
    await page.goto(base);
    await page.getByRole('heading', { name: say(lang, 'plugin.name') }).waitFor({ timeout: 60000 });
    const all = await rankingCodes(page);
    const community: any[] = await strapi().db.query(BRANCH).findMany({ where: { level: 'community_branch' }, select: ['code'] });
    expect(all.sort()).toEqual(community.map((b) => b.code).sort());

    await pickOption(page, say(lang, 'filter.parent'), otherStreet.name);
    await page.locator('[data-testid="ranking"] tbody tr').first().waitFor({ timeout: 30000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="ranking"] tbody tr').length === 1, undefined, { timeout: 30000 });
    expect(await rankingCodes(page)).toEqual([freshBranch.code]);

    await pickOption(page, say(lang, 'filter.parent'), '两湖街道党工委');
    const lh: any[] = await strapi().db.query(BRANCH).findMany({ where: { level: 'community_branch', parent: { code: 'LH' } }, select: ['code'] });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="ranking"] tbody tr').length === n, lh.length, { timeout: 30000 });
    expect((await rankingCodes(page)).sort()).toEqual(lh.map((b) => b.code).sort());
    expect(lh.length).toBeLessThan(community.length);
  });

  it('the scorecard shows the five stars with their status and the open rectification task', async () => {
    const task: any = await strapi().db.query('plugin::star-scoring.rectification').findOne({ where: { year, status: 'open' } });
    const branch: any = await strapi().db.query(BRANCH).findOne({ where: { id: task.branchRef } });
    const page = await session.login(lang);
    await page.goto(`${base}/branches/${branch.documentId}?year=${year}`);
    await page.getByRole('heading', { name: `${branch.name}（${branch.code}）` }).waitFor({ timeout: 60000 });
    const sheets: any[] = await strapi().plugin('star-scoring').service('sheets').forCategory(branch.category);
    const assessments: any[] = await strapi().db.query(A).findMany({ where: { branchRef: branch.id, year } });
    expect(sheets).toHaveLength(5);
    for (const s of sheets) {
      const box = page.locator(`[data-testid="star-${s.key}"]`);
      await expect(box.getByRole('heading', { name: s.name }).count()).resolves.toBe(1);
      expect(await box.getAttribute('data-status')).toBe(assessments.find((a) => a.starKey === s.key)?.status ?? 'none');
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
    const row = () => strapi().db.query(A).findOne({ where: { documentId } });
    expect((await row()).status).toBe('draft');
    await page.locator('[data-testid="totals"]').waitFor({ timeout: 30000 });

    // Type each score: the running total follows every keystroke.
    let sum = 0;
    for (const c of sheet.criteria) {
      await page.locator(`input[name="score-${c.code}"]`).fill(String(c.maxPoints - (c.veto ? 0 : 1)));
      sum += c.maxPoints - (c.veto ? 0 : 1);
      await expect(page.locator('[data-testid="totals-sum"]').textContent()).resolves.toContain(say(lang, 'totals.sum', { sum, threshold: sheet.passThreshold }));
      if (c.evidenceRequired) await page.locator(`textarea[name="evidence-${c.code}"]`).fill(`${c.title} 台账`);
    }
    expect(await page.locator('[data-testid="totals"]').getAttribute('data-passed')).toBe(sum >= sheet.passThreshold ? 'yes' : 'no');

    // Above the maximum: the form says so, and Save brings the server's 400 naming the field; nothing is written.
    const i = sheet.criteria.findIndex((c: any) => !c.veto);
    const c = sheet.criteria[i];
    await page.locator(`input[name="score-${c.code}"]`).fill(String(c.maxPoints + 5));
    await page.getByText(say(lang, 'form.overMax', { max: c.maxPoints })).waitFor({ timeout: 10000 });
    await page.locator('button[data-action="save"]').click();
    const alert = page.locator('[data-testid="message"]');
    await alert.waitFor({ timeout: 30000 });
    expect(await alert.textContent()).toContain(`items[${i}].score: must be at most ${c.maxPoints}`);
    expect((await row()).items ?? []).toEqual([]);

    // Back within bounds: Save writes every item, Submit moves the draft on.
    await page.locator(`input[name="score-${c.code}"]`).fill(String(c.maxPoints - 1));
    await page.locator('button[data-action="save"]').click();
    await page.getByText(say(lang, 'flow.done.save')).waitFor({ timeout: 30000 });
    const saved: any = await row();
    expect(saved.items).toHaveLength(sheet.criteria.length);
    expect(Number(saved.selfScore)).toBe(sum);

    await page.locator('button[data-action="submit"]').click();
    await page.getByText(say(lang, 'flow.done.submit')).waitFor({ timeout: 30000 });
    expect((await row()).status).toBe('self_assessed');
    await page.locator('[data-testid="status"]').getByText(say(lang, 'status.self_assessed')).waitFor({ timeout: 30000 });
  });
});
