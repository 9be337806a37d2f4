import { startAdminSession, type AdminSession, type Lang } from './helpers/admin';
import { strapi } from '../helpers/strapi';

let session: AdminSession;
let published: string;
let draft: string;

beforeAll(async () => {
  session = await startAdminSession();
  const rows: any[] = await strapi().db.query('plugin::deliberation.meeting').findMany({ select: ['documentId', 'status', 'startAt'], orderBy: { startAt: 'desc' } });
  published = rows.find((m) => m.status === 'published').documentId;
  draft = rows.find((m) => m.status === 'minutes_draft').documentId;
});
afterAll(() => session?.close());

const words: Record<Lang, Record<string, string>> = {
  'zh-Hans': { calendar: '议事日历', board: '交办事项督办台', overdue: '逾期', held: '已召开联席会议', quorum: '已达法定人数', print: '打印纪要', agenda: '会议议程' },
  en: { calendar: 'Council calendar', board: 'Action-item board', overdue: 'Overdue', held: 'Joint meeting held', quorum: 'Quorum met', print: 'Print minutes', agenda: 'Agenda' },
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
      await page.locator(`[data-testid="month-${last.getUTCMonth() + 1}"]`).getByText(w.held).waitFor({ timeout: 30000 });
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
    expect(await page.locator('nav').first().evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
    expect(await sheet.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  });
});
