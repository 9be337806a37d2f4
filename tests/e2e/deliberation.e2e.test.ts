import type { Page } from 'playwright-core';
import { startAdminSession, type AdminSession, type Lang } from './helpers/admin';
import { strapi } from '../helpers/strapi';
import { eventually } from './helpers/eventually';

let session: AdminSession;
let published: string;
let draft: string;

beforeAll(async () => {
  session = await startAdminSession();
  const rows: any[] = await strapi()
    .db.query('plugin::deliberation.meeting')
    .findMany({ select: ['documentId', 'status', 'startAt'], orderBy: { startAt: 'desc' } });
  published = rows.find((m) => m.status === 'published').documentId;
  draft = rows.find((m) => m.status === 'minutes_draft').documentId;
});
afterAll(() => session?.close());

const words: Record<Lang, Record<string, string>> = {
  'zh-Hans': {
    calendar: '议事日历',
    board: '交办事项督办台',
    overdue: '逾期',
    held: '已召开联席会议',
    quorum: '已达法定人数',
    print: '打印纪要',
    agenda: '会议议程',
    done: '已办结',
    start: '开始办理',
    sendBack: '退回重办',
    draft: '草稿',
  },
  en: {
    calendar: 'Council calendar',
    board: 'Action-item board',
    overdue: 'Overdue',
    held: 'Joint meeting held',
    quorum: 'Quorum met',
    print: 'Print minutes',
    agenda: 'Agenda',
    done: 'Done',
    start: 'Start',
    sendBack: 'Send back',
    draft: 'Draft',
  },
};

describe.each(['zh-Hans', 'en'] as Lang[])('deliberation admin pages in %s', (lang) => {
  const w = words[lang];

  it('the council calendar shows months with joint meetings held', async () => {
    const page = await session.login(lang);
    const last = new Date();
    last.setUTCDate(1);
    last.setUTCMonth(last.getUTCMonth() - 1);
    await page.goto(`/admin/plugins/deliberation`);
    await page.getByRole('heading', { name: w.calendar }).waitFor({ timeout: 60000 });
    if (last.getUTCFullYear() === new Date().getUTCFullYear()) {
      await page
        .locator(`[data-testid="month-${last.getUTCMonth() + 1}"]`)
        .getByText(w.held)
        .waitFor({ timeout: 30000 });
    }
  });

  it('the action-item board lists overdue items first', async () => {
    const page = await session.login(lang);
    await page.goto(`/admin/plugins/deliberation/board`);
    await page.getByRole('heading', { name: w.board }).waitFor({ timeout: 60000 });
    const rows = page.locator('table').nth(1).locator('tbody tr');
    await rows.first().waitFor({ timeout: 30000 });
    const texts = await rows.allTextContents();
    const flags = texts.map((t) => t.includes(w.overdue));
    expect(flags.includes(false)).toBe(true);
    expect(flags.slice(flags.indexOf(false)).includes(true)).toBe(false);
    // Per owner, 在办 + 逾期 + 待销号 + 已销号 = 合计.
    const owners = await page
      .locator('table')
      .first()
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => Number(td.textContent))));
    expect(owners.length).toBeGreaterThan(0);
    for (const [, pending, overdue, done, verified, total] of owners) {
      expect(pending + overdue + done + verified).toBe(total);
    }
    // A finished item is sent back, never started again.
    // By the status column (in English "Done" is also the button of an item in progress).
    const finished = rows.filter({ has: page.locator('td:nth-child(4)', { hasText: new RegExp(`^${w.done}$`) }) });
    expect(await finished.count()).toBeGreaterThan(0);
    for (const row of await finished.all()) {
      expect(await row.getByRole('button', { name: w.start, exact: true }).count()).toBe(0);
      expect(await row.getByRole('button', { name: w.sendBack }).count()).toBe(1);
    }
  });

  it('printed minutes of a draft carry the draft mark; vote headers stay on one line', async () => {
    const page = await session.login(lang);
    await page.goto(`/admin/plugins/deliberation/meetings/${draft}/print`);
    const sheet = page.locator('#minutes-print');
    await sheet.waitFor({ timeout: 60000 });
    await sheet.locator('[data-testid="draft-mark"]').waitFor({ timeout: 30000 });
    expect(await sheet.locator('h1').textContent()).toContain(`（${w.draft}）`);
    const lines = await sheet.locator('th').evaluateAll((ths) =>
      ths.map((th) => {
        const r = document.createRange();
        r.selectNodeContents(th);
        return new Set(Array.from(r.getClientRects()).map((x) => Math.round(x.top))).size;
      }),
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((n) => n === 1)).toBe(true);
    await page.goto(`/admin/plugins/deliberation/meetings/${published}/print`);
    await sheet.waitFor({ timeout: 60000 });
    await sheet.locator('h1').waitFor();
    expect(await sheet.locator('[data-testid="draft-mark"]').count()).toBe(0);
  });

  it('the meeting workspace shows agenda, live quorum, decisions; editing attendance updates the quorum', async () => {
    const page = await session.login(lang);
    await page.goto(`/admin/plugins/deliberation/meetings/${draft}`);
    await page.getByRole('heading', { name: w.agenda }).waitFor({ timeout: 60000 });
    const quorum = page.locator('[data-testid="quorum"]');
    await expect(quorum.textContent()).resolves.toContain(w.quorum);
    expect(await quorum.textContent()).toMatch(/9\D+11/);
  });

  it('the printable minutes page has the Chinese layout and A4 print CSS', async () => {
    const page = await session.login(lang);
    await page.goto(`/admin/plugins/deliberation/meetings/${published}/print`);
    const sheet = page.locator('#minutes-print');
    await sheet.waitFor({ timeout: 60000 });
    const text = (await sheet.textContent()) ?? '';
    expect(text).toContain('联席会议');
    expect(await sheet.locator('h2').count()).toBe(5);
    expect(text).toMatch(/D1/);
    await page.emulateMedia({ media: 'print' });
    expect(
      await page
        .locator('nav')
        .first()
        .evaluate((el) => getComputedStyle(el).visibility),
    ).toBe('hidden');
    expect(await sheet.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  });
});

describe('deliberation: staff work from the admin pages (zh-Hans)', () => {
  const uid = 'plugin::deliberation.meeting';
  const choose = async (page: Page, label: string, option: string) => {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option }).click();
  };

  it('schedules a meeting from the calendar, then adds an agenda item and a decision that the server stores', async () => {
    const council = await strapi()
      .db.query('plugin::deliberation.council')
      .findOne({ where: { code: 'LH-JM' } });
    const page = await session.login('zh-Hans');
    await page.goto('/admin/plugins/deliberation');
    const form = page.locator('[data-testid="new-meeting"]');
    await form.waitFor({ timeout: 60000 });
    await choose(page, '议事组织', council.name);
    await form.getByLabel('会议名称').fill('浏览器安排的联席会议');
    await form.getByLabel('开始时间').fill('2026-12-05T19:30');
    await form.getByLabel('地点').fill('两湖街道党群服务中心');
    await form.getByRole('button', { name: '安排' }).click();
    await page.waitForURL(/\/plugins\/deliberation\/meetings\/[a-z0-9]+$/, { timeout: 30000 });
    const documentId = page.url().split('/').pop()!;
    const created = await strapi()
      .db.query(uid)
      .findOne({ where: { documentId }, populate: { council: true } });
    expect(created).toMatchObject({
      title: '浏览器安排的联席会议',
      status: 'scheduled',
      place: '两湖街道党群服务中心',
    });
    expect(created.council.id).toBe(council.id);

    await page.locator('[data-testid="agenda-add"]').getByLabel('议题', { exact: true }).fill('小区停车位划线');
    await page.locator('[data-testid="agenda-add"]').getByRole('button', { name: '添加议程' }).click();
    await page
      .locator('[data-testid="decision-add"]')
      .getByLabel('决议内容', { exact: true })
      .fill('同意在东区划设停车位二十个');
    await page.locator('[data-testid="decision-add"]').getByRole('button', { name: '添加决议' }).click();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('[data-testid="message"]').getByText('已保存').waitFor({ timeout: 30000 });
    const saved = await strapi().db.query(uid).findOne({ where: { documentId } });
    expect(saved.agenda).toEqual([expect.objectContaining({ position: 1, title: '小区停车位划线' })]);
    expect(saved.decisions).toEqual([expect.objectContaining({ key: 'D1', text: '同意在东区划设停车位二十个' })]);
  });

  it('assigns an action item for a passed decision of published minutes', async () => {
    const page = await session.login('zh-Hans');
    const before = await strapi()
      .db.query('plugin::deliberation.action-item')
      .count({ where: { meeting: { documentId: published } } });
    await page.goto(`/admin/plugins/deliberation/meetings/${published}`);
    const form = page.locator('[data-testid="action-item-add"]');
    await form.waitFor({ timeout: 60000 });
    // The form refuses decisions whose topic is already closed (server rule); pick one still being worked on.
    const meeting = await strapi()
      .db.query(uid)
      .findOne({ where: { documentId: published } });
    const topics = await strapi()
      .db.query('plugin::deliberation.topic')
      .findMany({ where: { documentId: { $in: meeting.decisions.map((d: any) => d.topicDocumentId) } } });
    const open = meeting.decisions.find(
      (d: any) =>
        d.passed && topics.some((t: any) => t.documentId === d.topicDocumentId && t.status === 'implementing'),
    );
    expect(open).toBeDefined();
    await choose(page, '决议内容', open.key);
    await form.getByLabel('事项', { exact: true }).fill('东区停车位划线施工');
    await form.getByLabel('责任主体', { exact: true }).fill('两湖物业公司');
    await form.getByLabel('办结时限').fill('2026-12-31');
    await form.getByRole('button', { name: '交办' }).click();
    expect(
      await eventually(
        () =>
          strapi()
            .db.query('plugin::deliberation.action-item')
            .count({ where: { meeting: { documentId: published } } }),
        before + 1,
      ),
    ).toBe(before + 1);
    const item = await strapi()
      .db.query('plugin::deliberation.action-item')
      .findOne({ where: { title: '东区停车位划线施工' } });
    expect(item).toMatchObject({
      ownerName: '两湖物业公司',
      status: 'open',
      dueDate: '2026-12-31',
      decisionKey: open.key,
    });
  });

  it('moves an item on the board: started, then done only with a result note', async () => {
    const items = strapi().db.query('plugin::deliberation.action-item');
    const page = await session.login('zh-Hans');
    await page.goto('/admin/plugins/deliberation/board');
    await page.getByRole('heading', { name: '交办事项督办台' }).waitFor({ timeout: 60000 });
    await choose(page, '状态', '待办');
    const open = await items.findMany({ where: { status: 'open' }, orderBy: { dueDate: 'asc' } });
    expect(open.length).toBeGreaterThan(0);
    const row = page.locator(`[data-testid="item-${open[0].documentId}"]`);
    await row.getByRole('button', { name: '开始办理' }).click();
    expect(
      await eventually(async () => (await items.findOne({ where: { id: open[0].id } })).status, 'in_progress'),
    ).toBe('in_progress');

    await choose(page, '状态', '办理中');
    const moved = page.locator(`[data-testid="item-${open[0].documentId}"]`);
    await moved.getByRole('button', { name: '办结' }).click();
    await moved.getByRole('button', { name: '确认办结' }).click();
    // the server's 400 on resultNote, read by the field's label (kit refusalText)
    await moved.getByText('办理结果：办结须填写办理结果').waitFor({ timeout: 30000 });
    expect((await items.findOne({ where: { id: open[0].id } })).status).toBe('in_progress');
    await moved.getByLabel('办理结果').fill('已完成划线并验收');
    await moved.getByRole('button', { name: '确认办结' }).click();
    expect(await eventually(async () => (await items.findOne({ where: { id: open[0].id } })).status, 'done')).toBe(
      'done',
    );
  });
});
