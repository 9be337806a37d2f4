import type { Page } from 'playwright-core';
import { startAdminSession, type AdminSession, type Lang } from './helpers/admin';
import { http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { buildWorld, type World } from '../scoping/fixtures';
import { buildRegisters, RG, type Registers } from '../registers/fixtures';

/**
 * 一表 in Chromium, as community staff of 甲社区, in both languages: the summary lists the
 * community's grids; a grid's sheet shows the counts the database holds and the heads' phones masked;
 * a head’s phone is revealed with a reason (and logged), and so is a resident’s identity number from
 * the Content Manager’s edit view; the print view hides the buttons.
 */
let session: AdminSession;
let w: World;
let reg: Registers;
const BASE = '/admin/plugins/registers';
const HEAD_PHONE = '13800004444';

beforeAll(async () => {
  session = await startAdminSession({ seed: false, role: 'community-staff' });
  w = await buildWorld();
  await strapi()
    .documents('api::staff-assignment.staff-assignment' as any)
    .create({ data: { adminEmail: session.admin.email, branch: w.c1.documentId } as any });
  reg = await buildRegisters(w.c1);
  await strapi()
    .documents('api::grid.grid' as any)
    .update({
      documentId: w.c1.grids[0].documentId,
      data: { heads: [{ role: 'grid_head', name: '网格长丙', phone: HEAD_PHONE }] } as any,
    });
}, 600000);
afterAll(() => session?.close());

const words: Record<
  Lang,
  { title: string; open: string; reveal: string; reason: string; confirm: string; print: string; panel: string }
> = {
  'zh-Hans': {
    title: '网格信息表（一表）',
    open: '查看信息表',
    reveal: '查看',
    reason: '查看事由',
    confirm: '确认查看',
    print: '打印',
    panel: '个人信息',
  },
  en: {
    title: 'Grid information sheet',
    open: 'Open sheet',
    reveal: 'Reveal',
    reason: 'Reason',
    confirm: 'Reveal',
    print: 'Print',
    panel: 'Personal data',
  },
};

async function open(lang: Lang): Promise<{ page: Page; missing: string[] }> {
  const page = await session.login(lang);
  const missing: string[] = [];
  page.on('console', (msg) => {
    if (msg.text().includes('MISSING_TRANSLATION') && msg.text().includes('registers')) missing.push(msg.text());
  });
  return { page, missing };
}
const noRawKeys = async (page: Page) =>
  expect(await page.locator('main').innerText()).not.toMatch(/\b(sheet|registers|nav)\.[a-z]/);

describe.each(['zh-Hans', 'en'] as Lang[])('一表 in %s', (lang) => {
  const x = words[lang];

  it('the summary lists the community’s grids; a sheet shows the database’s counts and masked phones', async () => {
    const { page, missing } = await open(lang);
    await page.goto(BASE);
    await page.getByRole('heading', { name: x.title, level: 1 }).waitFor({ timeout: 60000 });
    const rows = page.getByTestId('sheet-summary-row');
    await rows.first().waitFor({ timeout: 30000 });
    expect(await rows.count()).toBe(w.c1.grids.length);
    await noRawKeys(page);
    await rows.filter({ hasText: w.c1.grids[0].code }).getByRole('button', { name: x.open }).click();
    await page.getByTestId('sheet-grid-name').waitFor({ timeout: 30000 });
    const count = async (k: string) => Number(await page.getByTestId(`sheet-count-${k}`).innerText());
    const houses = await strapi()
      .db.query(RG.house)
      .count({ where: { building: { compound: { grid: { documentId: w.c1.grids[0].documentId } } } } });
    const residents = await strapi()
      .db.query(RG.resident)
      .count({ where: { scopeCommunity: w.c1.documentId } });
    expect(await count('houses')).toBe(houses);
    expect(await count('residents')).toBe(residents);
    expect(await count('shops')).toBe(1);
    const head = page.getByTestId('sheet-head');
    await head.getByText('138****4444').waitFor();
    expect(await page.locator('main').innerText()).not.toContain(HEAD_PHONE);
    for (const raw of reg.residents.map((r) => r.idNumber)) expect(await page.content()).not.toContain(raw);
    await noRawKeys(page);
    expect(missing).toEqual([]);
  });

  it('reveals a head’s phone with a reason, logged', async () => {
    const { page } = await open(lang);
    await page.goto(`${BASE}?grid=${w.c1.grids[0].documentId}`);
    const head = page.getByTestId('sheet-head');
    await head.first().waitFor({ timeout: 60000 });
    await head.getByRole('button', { name: x.reveal }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(x.reason).fill(`入户走访-${lang}`);
    await dialog.getByRole('button', { name: x.confirm, exact: true }).click();
    await page.getByTestId('revealed').getByText(HEAD_PHONE).waitFor({ timeout: 30000 });
    const root = (await createAdmin()).token;
    const log = await http().get(`/registers/reveal-log/grid/${w.c1.grids[0].documentId}`).set(bearer(root));
    expect(log.body.data[0]).toMatchObject({ field: 'heads.0.phone', reason: `入户走访-${lang}` });
  });

  it('reveals a resident’s identity number from the Content Manager’s edit view, logged', async () => {
    const { page, missing } = await open(lang);
    const resident = reg.residents[lang === 'en' ? 1 : 0];
    await page.goto(`/admin/content-manager/collection-types/${RG.resident}/${resident.documentId}`);
    const panel = page.getByTestId('personal-panel');
    await panel.waitFor({ timeout: 60000 });
    await page.getByText(x.panel, { exact: true }).first().waitFor();
    const field = panel.locator('[data-personal-field="idNumber"]');
    await field.getByText(resident.idNumber.slice(0, 4) + '**********' + resident.idNumber.slice(-4)).waitFor();
    expect(await page.content()).not.toContain(resident.idNumber);
    const before = await strapi().db.query(RG.revealLog).count();
    await field.getByRole('button', { name: x.reveal }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(x.reason).fill(`核对户籍-${lang}`);
    await dialog.getByRole('button', { name: x.confirm, exact: true }).click();
    await field.getByTestId('revealed').getByText(resident.idNumber).waitFor({ timeout: 30000 });
    expect(await strapi().db.query(RG.revealLog).count()).toBe(before + 1);
    const row = await strapi()
      .db.query(RG.revealLog)
      .findOne({ where: { subjectDocumentId: resident.documentId }, orderBy: { id: 'desc' } });
    expect(row).toMatchObject({ field: 'idNumber', reason: `核对户籍-${lang}`, subjectType: RG.resident });
    expect(missing).toEqual([]);
  });

  it('the print view shows the sheet without buttons', async () => {
    const { page } = await open(lang);
    await page.goto(`${BASE}?grid=${w.c1.grids[0].documentId}`);
    await page.getByTestId('sheet-print').waitFor({ timeout: 60000 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('sheet-print').isVisible()).toBe(false);
    expect(await page.getByTestId('sheet-grid-name').isVisible()).toBe(true);
    expect(await page.locator('nav').first().isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  });
});
