import { readFileSync } from 'fs';
import type { Page } from 'playwright-core';
import { startAdminSession, type AdminSession, type Lang } from './helpers/admin';
import { strapi } from '../helpers/strapi';
import { createAdmin, createUser } from '../helpers/auth';
import { buildWorld, staffAt, type World } from '../scoping/fixtures';
import { category, gridWorker, ownerAccount, ownerMove, ownerUnit, report, staffMove } from '../grid-cases/fixtures';

/**
 * The grid-cases staff pages in Chromium, as community staff of 甲社区 (its RBAC actions, its scope),
 * in both languages: 受理台 shows new cases with their duplicates and an accepted case leaves it;
 * 督办台 dispatches an accepted case to the category's default owner, and a handled case verified
 * there leaves it; the detail shows the timeline by its labels, and a reported one merges into a
 * possible duplicate picked from a list; 统计 shows the grid's row and
 * downloads the export; the catalogue is read-only for the community, and a holiday the county adds
 * on the calendar marks its day as a rest day; 代表委员履职 lists a representative with the count of
 * their suggestions, and the row opens them. Every page shows no raw translation key.
 */
let session: AdminSession;
let w: World;
const BASE = '/admin/plugins/grid-cases';
const SPOT = { lat: 35.398, lng: 114.232 };
const ids: Record<
  Lang,
  { fresh: string; twin: string; accepted: string; running: string; handled: string; grid: string; toDept: string }
> = {} as never;
/** 承办方账号 of a county department, offered by the 派单 picker to 甲社区's staff. */
let department: { documentId: string; name: string };
let county: { email: string; password: string };
const suggestions: Record<Lang, string> = {} as never;

beforeAll(async () => {
  session = await startAdminSession({ seed: false, role: 'community-staff' });
  w = await buildWorld();
  await strapi()
    .documents('api::staff-assignment.staff-assignment' as any)
    .create({ data: { adminEmail: session.admin.email, branch: w.c1.documentId } as any });
  const staff = (await createAdmin('strapi-super-admin')).token;
  county = await staffAt('county-reviewer', w.county);
  const unit = await ownerUnit(w.c1);
  department = await ownerAccount('department', w.county);
  const worker = await gridWorker(w.c1.grids[0]);
  const cat = await category(3, { name: '路灯维修', defaultOwnerKind: 'property', defaultOwnerName: '卫城物业公司' });
  const file = async (title: string, at = SPOT) => {
    const r = await report(worker.jwt, {
      title,
      description: `${title}：三晚不亮`,
      category: cat.documentId,
      source: 'five_heads',
      grid: w.c1.grids[0].documentId,
      ...at,
    });
    if (r.status !== 201) throw new Error(`report ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.data.documentId as string;
  };
  for (const lang of ['zh-Hans', 'en'] as Lang[]) {
    // far apart per language, so each language's pair are each other's only duplicates
    const spot = lang === 'en' ? { lat: SPOT.lat + 0.01, lng: SPOT.lng } : SPOT;
    const accepted = await file(`待派单-${lang}`, { lat: spot.lat + 0.005, lng: spot.lng });
    await staffMove(staff, accepted, 'accept');
    const running = await file(`办理中-${lang}`, { lat: spot.lat - 0.005, lng: spot.lng });
    await staffMove(staff, running, 'accept');
    await staffMove(staff, running, 'dispatch', { ownerKind: 'department', ownerName: `县住建局-${lang}` });
    const handled = await file(`已办结-${lang}`, { lat: spot.lat, lng: spot.lng + 0.005 });
    await staffMove(staff, handled, 'accept');
    await staffMove(staff, handled, 'dispatch', { ownerKind: 'unit', ownerUnit: unit.documentId });
    for (const step of ['sign', 'start']) await ownerMove(unit.jwt, handled, step);
    const done = await ownerMove(unit.jwt, handled, 'handle', { result: `已更换灯泡-${lang}` });
    if (done.status !== 200) throw new Error(`handle ${done.status} ${JSON.stringify(done.body)}`);
    const twin = await file(`路灯重复-${lang}`, spot);
    const fresh = await file(`路灯不亮-${lang}`, spot);
    const toDept = await file(`派给部门-${lang}`, { lat: spot.lat - 0.02, lng: spot.lng });
    await staffMove(staff, toDept, 'accept');
    ids[lang] = { fresh, twin, accepted, running, handled, grid: w.c1.grids[0].name, toDept };
  }
  // 履职: a representative of the grid whose grid account (kind representative) raised one suggestion per language
  const grid = w.c1.grids[0].documentId;
  const rep = await strapi()
    .documents('api::representative.representative' as any)
    .create({ data: { name: '孙代表', kind: 'peoples_congress', level: 'county', grid } as any });
  const repUser = await createUser('grid-worker');
  const account = await strapi()
    .documents('plugin::grid-cases.grid-account' as any)
    .create({ data: { name: '孙代表', kind: 'representative', grid, representative: rep.documentId } as any });
  await strapi()
    .db.query('plugin::grid-cases.grid-account' as any)
    .update({ where: { id: account.id }, data: { account: repUser.user.id } });
  for (const lang of ['zh-Hans', 'en'] as Lang[]) {
    const r = await report(repUser.jwt, {
      title: `代表建议-${lang}`,
      description: '学校门口增设减速带',
      category: cat.documentId,
      source: 'representatives',
      grid,
      lat: SPOT.lat + 0.05,
      lng: SPOT.lng,
    });
    if (r.status !== 201) throw new Error(`suggest ${r.status} ${JSON.stringify(r.body)}`);
    suggestions[lang] = r.body.data.documentId;
  }
}, 600000);
afterAll(() => session?.close());

const words: Record<
  Lang,
  {
    intake: string;
    accept: string;
    dispatch: string;
    confirm: string;
    supervision: string;
    dispatched: string;
    history: string;
    report: string;
    accepted: string;
    figures: string;
    excel: string;
    catalogue: string;
    add: string;
    addCategory: string;
    day: string;
    holidayName: string;
    dispatchedTo: RegExp;
    ownerKind: string;
    department: string;
    ownerAccount: string;
    verify: string;
    merge: string;
    toNeed: string;
    toTopic: string;
    need: string;
    noCouncil: string;
    behalfSign: string;
    behalfStart: string;
    behalfHandle: string;
    signed: string;
    handling: string;
    handledLabel: string;
    result: string;
    duties: string;
    peoplesCongress: string;
    reported: string;
  }
> = {
  'zh-Hans': {
    intake: '受理台',
    accept: '受理',
    dispatch: '派单',
    confirm: '确定',
    supervision: '派单/督办台',
    dispatched: '已派单',
    history: '流转记录',
    report: '上报',
    accepted: '已上报 → 已接收',
    figures: '统计（三率）',
    excel: '导出 Excel',
    catalogue: '事项目录与工作日历',
    add: '加入日历',
    addCategory: '新增类别',
    day: '08',
    holidayName: '测试假日',
    dispatchedTo: /卫城物业公司/,
    ownerKind: '承办方类型',
    department: '县直部门',
    ownerAccount: '承办方账号',
    verify: '核查',
    merge: '合并',
    toNeed: '转双报到需求',
    toTopic: '转议事议题',
    need: '双报到需求',
    noCouncil: '议事会：该社区尚未设立议事组织',
    behalfSign: '代为签收',
    behalfStart: '代为登记处置',
    behalfHandle: '代为办结',
    signed: '已签收',
    handling: '处置中',
    handledLabel: '已办结',
    result: '办理结果',
    duties: '代表委员履职',
    peoplesCongress: '人大代表',
    reported: '已上报',
  },
  en: {
    intake: 'Intake desk',
    accept: 'Accept',
    dispatch: 'Dispatch',
    confirm: 'Confirm',
    supervision: 'Dispatch & supervision',
    dispatched: 'Dispatched',
    history: 'History',
    report: 'Report',
    accepted: 'Reported → Accepted',
    figures: 'Figures (three rates)',
    excel: 'Export Excel',
    catalogue: 'Catalogue & calendar',
    add: 'Add to the calendar',
    addCategory: 'Add category',
    day: '20',
    holidayName: 'Test holiday',
    dispatchedTo: /卫城物业公司/,
    ownerKind: 'Owner kind',
    department: 'County department',
    ownerAccount: 'Owner account',
    verify: 'Verify',
    merge: 'Merge',
    toNeed: 'Make a double-report need',
    toTopic: 'Make a deliberation topic',
    need: 'Double-report need',
    noCouncil: "Council: the case's community has no council to deliberate it",
    behalfSign: 'Sign for the owner',
    behalfStart: 'Start for the owner',
    behalfHandle: 'Record as handled',
    signed: 'Signed',
    handling: 'Handling',
    handledLabel: 'Handled',
    result: 'Result',
    duties: 'Representatives’ duties',
    peoplesCongress: "People's congress deputy",
    reported: 'Reported',
  },
};

/** A page (signed in as the session's community staff, or `as`) that records missing translations. */
async function open(lang: Lang, as?: { email: string; password: string }): Promise<{ page: Page; missing: string[] }> {
  const page = await session.login(lang, as ? { as } : {});
  const missing: string[] = [];
  page.on('console', (msg) => {
    if (msg.text().includes('MISSING_TRANSLATION') && msg.text().includes('grid-cases')) missing.push(msg.text());
  });
  return { page, missing };
}
const noRawKeys = async (page: Page) => {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(
    /\b(intake|supervision|figures|catalogue|calendar|urgency|action|detail|dispatch|duties|nav)\.[a-z]/,
  );
};

describe.each(['zh-Hans', 'en'] as Lang[])('grid-cases staff pages in %s', (lang) => {
  const x = words[lang];

  it('受理台: new cases with their duplicates; an accepted case leaves the desk', async () => {
    const { page, missing } = await open(lang);
    await page.goto('/admin');
    const link = page.locator(`nav a[href="${BASE}"]`);
    await link.first().waitFor({ timeout: 60000 });
    await link.first().click();
    await page.getByRole('heading', { name: x.intake, level: 1 }).waitFor({ timeout: 60000 });
    const row = page.getByTestId(`intake-${ids[lang].fresh}`);
    await row.waitFor({ timeout: 30000 });
    // the twin at the same spot and category is offered as a possible duplicate
    await row.getByTestId(`case-link-${ids[lang].twin}`).waitFor();
    await noRawKeys(page);
    await row.getByRole('button', { name: x.accept, exact: true }).click();
    await row.waitFor({ state: 'detached', timeout: 30000 });
    const stored = await strapi()
      .db.query('plugin::grid-cases.case' as any)
      .findOne({ where: { documentId: ids[lang].fresh } });
    expect(stored.status).toBe('accepted');
    expect(missing).toEqual([]);
  });

  it('督办台: dispatches an accepted case to the category default owner; the running one shows its deadline', async () => {
    const { page, missing } = await open(lang);
    await page.goto(`${BASE}/supervision`);
    await page.getByRole('heading', { name: x.supervision, level: 1 }).waitFor({ timeout: 60000 });
    await page.getByTestId(`running-${ids[lang].running}`).getByText(`县住建局-${lang}`).waitFor({ timeout: 30000 });
    await page
      .getByTestId('owner-row')
      .filter({ hasText: `县住建局-${lang}` })
      .waitFor();
    const row = page.getByTestId(`to-dispatch-${ids[lang].accepted}`);
    await row.getByRole('button', { name: x.dispatch, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('default-owner').getByText(x.dispatchedTo).waitFor({ timeout: 30000 });
    await noRawKeys(page);
    await dialog.getByRole('button', { name: x.confirm, exact: true }).click();
    await row.waitFor({ state: 'detached', timeout: 30000 });
    await page
      .getByTestId(`running-${ids[lang].accepted}`)
      .getByText(/卫城物业公司/)
      .waitFor({ timeout: 30000 });
    const stored = await strapi()
      .db.query('plugin::grid-cases.case' as any)
      .findOne({ where: { documentId: ids[lang].accepted } });
    expect([stored.status, stored.ownerKind, stored.ownerName]).toEqual(['dispatched', 'property', '卫城物业公司']);
    expect(missing).toEqual([]);
  });

  it('督办台: dispatches to a department’s own account picked in the 派单 modal', async () => {
    const { page, missing } = await open(lang);
    await page.goto(`${BASE}/supervision`);
    await page.getByRole('heading', { name: x.supervision, level: 1 }).waitFor({ timeout: 60000 });
    const row = page.getByTestId(`to-dispatch-${ids[lang].toDept}`);
    await row.getByRole('button', { name: x.dispatch, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: x.ownerKind, exact: true }).click();
    await page.getByRole('option', { name: x.department, exact: true }).click();
    await dialog.getByRole('combobox', { name: x.ownerAccount, exact: true }).click();
    await page.getByRole('option', { name: department.name, exact: true }).click();
    await noRawKeys(page);
    await dialog.getByRole('button', { name: x.confirm, exact: true }).click();
    await row.waitFor({ state: 'detached', timeout: 30000 });
    await page.getByTestId(`running-${ids[lang].toDept}`).getByText(department.name).waitFor({ timeout: 30000 });
    const stored = await strapi()
      .db.query('plugin::grid-cases.case' as any)
      .findOne({ where: { documentId: ids[lang].toDept }, populate: { ownerAccount: true } });
    expect([stored.status, stored.ownerKind, stored.ownerName, stored.ownerAccount?.documentId]).toEqual([
      'dispatched',
      'department',
      department.name,
      department.documentId,
    ]);
    expect(missing).toEqual([]);
  });

  it('督办台: a handled case waits for 核查 with its result; verified from the desk it leaves', async () => {
    const { page, missing } = await open(lang);
    await page.goto(`${BASE}/supervision`);
    await page.getByRole('heading', { name: x.supervision, level: 1 }).waitFor({ timeout: 60000 });
    const row = page.getByTestId(`to-verify-${ids[lang].handled}`);
    await row.getByText(`已更换灯泡-${lang}`).waitFor({ timeout: 30000 });
    await noRawKeys(page);
    await row.getByRole('button', { name: x.verify, exact: true }).click();
    await row.waitFor({ state: 'detached', timeout: 30000 });
    const stored = await strapi()
      .db.query('plugin::grid-cases.case' as any)
      .findOne({ where: { documentId: ids[lang].handled } });
    expect(stored.status).toBe('verified');
    expect(missing).toEqual([]);
  });

  it('事项详情: the timeline by labels, and the moves of its status', async () => {
    const { page, missing } = await open(lang);
    await page.goto(`${BASE}/cases/${ids[lang].running}`);
    await page.getByRole('heading', { name: `办理中-${lang}`, level: 1 }).waitFor({ timeout: 60000 });
    await page.getByRole('heading', { name: x.history }).waitFor();
    const steps = page.getByTestId('timeline-step');
    await steps.nth(2).waitFor({ timeout: 30000 });
    expect(await steps.count()).toBe(3);
    await steps.nth(0).getByText(x.report, { exact: true }).waitFor();
    await steps.nth(1).getByText(x.accepted).waitFor();
    await page.getByTestId('case-status').getByText(x.dispatched).waitFor();
    await noRawKeys(page);
    expect(missing).toEqual([]);
  });

  it('事项详情 of a reported case: 合并 picks among its possible duplicates', async () => {
    const { page, missing } = await open(lang);
    await page.goto(`${BASE}/cases/${ids[lang].twin}`);
    await page.getByRole('heading', { name: `路灯重复-${lang}`, level: 1 }).waitFor({ timeout: 60000 });
    await page.getByRole('button', { name: x.merge, exact: true }).click();
    const dialog = page.getByRole('dialog');
    // the case at the same spot and category, chosen first (nearest); no id to paste
    await dialog.getByRole('combobox').getByText(`路灯不亮-${lang}`).waitFor({ timeout: 30000 });
    expect(await dialog.getByRole('textbox').count()).toBe(0);
    await noRawKeys(page);
    await dialog.getByRole('button', { name: x.confirm, exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30000 });
    const stored = await strapi()
      .db.query('plugin::grid-cases.case' as any)
      .findOne({ where: { documentId: ids[lang].twin }, populate: ['mergedInto'] });
    expect([stored.status, stored.mergedInto?.documentId]).toEqual(['merged', ids[lang].fresh]);
    expect(missing).toEqual([]);
  });

  it('事项详情: a case becomes a double-report need of its community; without a council, no topic and why', async () => {
    const { page, missing } = await open(lang);
    await page.goto(`${BASE}/cases/${ids[lang].running}`);
    await page.getByRole('heading', { name: `办理中-${lang}`, level: 1 }).waitFor({ timeout: 60000 });
    // 甲社区 has no 议事会: the refusal says so in the page's language, and nothing is linked
    await page.getByRole('button', { name: x.toTopic }).click();
    await page.getByRole('alert').getByText(x.noCouncil).waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: x.toNeed }).click();
    // the link replaces the button, and the need is in the community's list
    await page.getByText(x.need, { exact: true }).waitFor({ timeout: 30000 });
    expect(await page.getByRole('button', { name: x.toNeed }).count()).toBe(0);
    const stored = await strapi()
      .db.query('plugin::grid-cases.case' as any)
      .findOne({ where: { documentId: ids[lang].running }, select: ['needRef', 'topicRef'] });
    expect(stored.topicRef).toBeNull();
    const need = await strapi()
      .db.query('plugin::double-report.list-item' as any)
      .findOne({ where: { documentId: stored.needRef }, populate: { community: true } });
    expect([need?.type, need?.community?.documentId]).toEqual(['need', w.c1.documentId]);
    await noRawKeys(page);
    expect(missing).toEqual([]);
  });

  it('统计: the grid row of the year, and the Excel export downloads', async () => {
    const { page, missing } = await open(lang);
    await page.goto(`${BASE}/figures`);
    await page.getByRole('heading', { name: x.figures, level: 1 }).waitFor({ timeout: 60000 });
    const row = page.getByTestId('figures-row').filter({ hasText: ids[lang].grid });
    await row.waitFor({ timeout: 30000 });
    await noRawKeys(page);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30000 }),
      page.getByRole('button', { name: x.excel }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^grid-cases-grid-.*\.xlsx$/);
    // an XLSX file is a zip: it starts with PK
    const file = await download.path();
    expect(file && readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect(missing).toEqual([]);
  });

  it('代表委员履职: a representative with the count of their suggestions; the row opens them', async () => {
    const { page, missing } = await open(lang);
    await page.goto(BASE);
    await page.getByRole('button', { name: x.duties, exact: true }).click();
    await page.getByRole('heading', { name: x.duties, level: 1 }).waitFor({ timeout: 60000 });
    const row = page.getByTestId('duties-row').filter({ hasText: '孙代表' });
    await row.waitFor({ timeout: 30000 });
    await row.getByText(x.peoplesCongress, { exact: true }).waitFor();
    expect(await row.getByTestId('duties-raised').innerText()).toBe('2');
    await row.click();
    const list = page.getByTestId('duties-suggestions');
    await list.getByTestId(`case-link-${suggestions[lang]}`).getByText(`代表建议-${lang}`).waitFor({ timeout: 30000 });
    await list.getByText(x.reported, { exact: true }).first().waitFor();
    await noRawKeys(page);
    expect(missing).toEqual([]);
  });

  it('事项目录与工作日历: read-only for the community; a holiday the county adds marks its day as a rest day', async () => {
    const community = await open(lang);
    await community.page.goto(`${BASE}/catalogue`);
    await community.page.getByRole('heading', { name: x.catalogue, level: 1 }).waitFor({ timeout: 60000 });
    await community.page.getByTestId('category-row').filter({ hasText: '路灯维修' }).waitFor({ timeout: 30000 });
    await community.page.getByTestId('catalogue-read-only').waitFor();
    expect(await community.page.getByRole('button', { name: x.addCategory }).count()).toBe(0);
    await noRawKeys(community.page);
    expect(community.missing).toEqual([]);

    const { page, missing } = await open(lang, county);
    await page.goto(`${BASE}/catalogue`);
    await page.getByRole('heading', { name: x.catalogue, level: 1 }).waitFor({ timeout: 60000 });
    await page.getByTestId('category-row').filter({ hasText: '路灯维修' }).waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: x.addCategory }).waitFor();
    // next month, so no case deadline of this test runs into it
    await page.getByRole('button', { name: lang === 'en' ? 'Next month' : '下月' }).click();
    const month = await page.getByTestId('calendar-month').innerText();
    // a weekday of that month (the first Monday on or after the day of the month for this language)
    let date = `${month}-${x.day}`;
    while ([0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())) {
      date = `${month}-${String(Number(date.slice(8)) + 1).padStart(2, '0')}`;
    }
    const cell = page.getByTestId(`day-${date}`);
    expect(await cell.getAttribute('data-rest')).toBe('false');
    await cell.click();
    const form = page.getByTestId('holiday-form');
    await form.getByRole('textbox').fill(x.holidayName);
    await noRawKeys(page);
    await form.getByRole('button', { name: x.add }).click();
    await page.locator(`[data-testid="day-${date}"][data-rest="true"]`).waitFor({ timeout: 30000 });
    await cell.getByText(x.holidayName).waitFor();
    const stored = await strapi()
      .db.query('plugin::grid-cases.holiday' as any)
      .findOne({ where: { date } });
    expect([stored?.kind, stored?.name]).toEqual(['holiday', x.holidayName]);
    expect(missing).toEqual([]);
  });

  it('事项详情: staff record a department’s 签收, 处置 and 办结 (代为登记)', async () => {
    const { page, missing } = await open(lang);
    await page.goto(`${BASE}/cases/${ids[lang].running}`);
    await page.getByRole('heading', { name: `办理中-${lang}`, level: 1 }).waitFor({ timeout: 60000 });
    const status = page.getByTestId('case-status');
    await page.getByRole('button', { name: x.behalfSign }).click();
    await status.getByText(x.signed).waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: x.behalfStart }).click();
    await status.getByText(x.handling).waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: x.behalfHandle }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(x.result).waitFor();
    await dialog.getByRole('textbox').fill(`已修复-${lang}`);
    await dialog.getByRole('button', { name: x.confirm, exact: true }).click();
    await status.getByText(x.handledLabel).waitFor({ timeout: 30000 });
    await noRawKeys(page);
    const stored = await strapi()
      .db.query('plugin::grid-cases.case' as any)
      .findOne({ where: { documentId: ids[lang].running }, select: ['status', 'result'] });
    expect([stored.status, stored.result]).toEqual(['handled', `已修复-${lang}`]);
    expect(missing).toEqual([]);
  });
});
