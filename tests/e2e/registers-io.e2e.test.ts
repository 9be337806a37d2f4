import type { Page } from 'playwright-core';
import { startAdminSession, type AdminSession, type Lang } from './helpers/admin';
import { strapi } from '../helpers/strapi';
import { buildWorld, type World } from '../scoping/fixtures';
import { xlsx, type Cells } from '../registers/io-fixtures';

/**
 * Excel 导入导出 in Chromium as community staff of 甲社区, in both languages: a file with a bad row
 * is checked (dry run) and its report names the row and the column, nothing written; a good file is
 * checked, then imported, and its houses are there; a big file shows the progress bar while its
 * job runs, then its report.
 */
let session: AdminSession;
let w: World;
const URL = '/admin/plugins/registers/io';
const HEADER = ['小区编码', '网格编码', '楼栋号', '单元', '房号', '楼层', '面积', '用途'];
const words: Record<Lang, { title: string; check: string; commit: string; refused: RegExp; done: RegExp }> = {
  'zh-Hans': {
    title: 'Excel 导入导出',
    check: '检查（不写入）',
    commit: '确认导入',
    refused: /未写入任何数据/,
    done: /已导入/,
  },
  en: {
    title: 'Excel import and export',
    check: 'Check (writes nothing)',
    commit: 'Import',
    refused: /nothing was written/,
    done: /^Imported/,
  },
};
const houses = (lang: Lang, n: number, use = '自住'): Cells[] =>
  Array.from({ length: n }, (_, i) => [w.c1.compounds[0].code, null, `E2E-${lang}`, 1, `${i + 1}`, 1, 80, use]);
const count = (lang: Lang) =>
  strapi()
    .db.query('plugin::registers.house' as any)
    .count({ where: { building: { number: `E2E-${lang}` } } });

beforeAll(async () => {
  session = await startAdminSession({ seed: false, role: 'community-staff' });
  w = await buildWorld();
  await strapi()
    .documents('api::staff-assignment.staff-assignment' as any)
    .create({ data: { adminEmail: session.admin.email, branch: w.c1.documentId } as any });
  for (const lang of ['zh-Hans', 'en'])
    await strapi()
      .documents('plugin::registers.building' as any)
      .create({ data: { number: `E2E-${lang}`, compound: w.c1.compounds[0].documentId } as any });
}, 300000);
afterAll(() => session.close());

async function openIo(lang: Lang): Promise<{ page: Page; missing: string[] }> {
  const page = await session.login(lang);
  const missing: string[] = [];
  page.on('console', (msg) => {
    if (msg.text().includes('MISSING_TRANSLATION') && msg.text().includes('registers')) missing.push(msg.text());
  });
  await page.goto(URL);
  await page.getByRole('heading', { name: words[lang].title, level: 1 }).waitFor({ timeout: 60000 });
  return { page, missing };
}
const choose = async (page: Page, name: string, rows: Cells[]) =>
  page.getByTestId('io-file').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await xlsx(HEADER, rows),
  });

describe.each(['zh-Hans', 'en'] as Lang[])('Excel 导入导出 in %s', (lang) => {
  const x = words[lang];

  it('a dry run shows the report with the row and column of each error and writes nothing', async () => {
    const { page, missing } = await openIo(lang);
    const rows = houses(lang, 3);
    rows[1][7] = '租出去了';
    await choose(page, 'bad.xlsx', rows);
    await page.getByRole('button', { name: x.check }).click();
    const report = page.getByTestId('io-report');
    await report.waitFor({ timeout: 30000 });
    await report.getByText(x.refused).waitFor();
    const cells = await report.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(cells.slice(0, 2)).toEqual(['3', '用途']);
    expect(cells[2]).toMatch(/^须为以下之一：自住、出租、空置、商铺/);
    expect(await page.getByRole('button', { name: x.commit, exact: true }).isDisabled()).toBe(true);
    expect(await count(lang)).toBe(0);
    expect(await page.locator('main').innerText()).not.toMatch(/\bio\.[a-z]/);
    expect(missing).toEqual([]);
  });

  it('a good file is checked, then imported', async () => {
    const { page, missing } = await openIo(lang);
    await choose(page, 'good.xlsx', houses(lang, 4));
    await page.getByRole('button', { name: x.check }).click();
    await page.getByTestId('io-count-created').getByText('4').waitFor({ timeout: 30000 });
    expect(await count(lang)).toBe(0);
    await page.getByRole('button', { name: x.commit, exact: true }).click();
    await page.getByTestId('io-report').getByText(x.done).waitFor({ timeout: 30000 });
    expect(await count(lang)).toBe(4);
    expect(missing).toEqual([]);
  });

  it('a big file shows the progress bar of its job, then its report', async () => {
    const { page } = await openIo(lang);
    await choose(page, 'big.xlsx', houses(lang, 5001, '空置'));
    await page.getByRole('button', { name: x.check }).click();
    await page.getByTestId('io-progress').getByRole('progressbar').waitFor({ timeout: 60000 });
    await page.getByTestId('io-count-rows').getByText('5001').waitFor({ timeout: 120000 });
    expect(await count(lang)).toBe(4);
  });
});
