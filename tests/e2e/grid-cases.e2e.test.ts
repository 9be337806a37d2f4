import { startAdminSession, type AdminSession, type Lang } from './helpers/admin';

/**
 * The grid-cases plugin has no admin pages yet: its menu link (own icon) opens a placeholder page
 * that says so, in both languages, without missing translations. No demo is needed for that.
 */
let session: AdminSession;
beforeAll(async () => {
  session = await startAdminSession({ seed: false });
}, 600000);
afterAll(() => session?.close());

const words: Record<Lang, { title: string; soon: string }> = {
  'zh-Hans': { title: '网格事项流转', soon: '受理台、督办台' },
  en: { title: 'Grid cases', soon: 'The intake desk, the supervision desk' },
};

describe.each(['zh-Hans', 'en'] as Lang[])('grid-cases placeholder in %s', (lang) => {
  it('the menu link opens the placeholder page', async () => {
    const page = await session.login(lang);
    const missing: string[] = [];
    page.on('console', (msg) => {
      if (msg.text().includes('MISSING_TRANSLATION')) missing.push(msg.text().slice(0, 200));
    });
    await page.goto('/admin');
    const link = page.locator('nav a[href="/admin/plugins/grid-cases"]');
    await link.first().waitFor({ timeout: 60000 });
    await link.first().click();
    await page.getByRole('heading', { name: words[lang].title, level: 1 }).waitFor({ timeout: 60000 });
    await page.getByText(words[lang].soon).first().waitFor({ timeout: 30000 });
    expect(missing.filter((m) => m.includes('grid-cases'))).toEqual([]);
  });
});
