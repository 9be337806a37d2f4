import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { listenStrapi, setupStrapi, teardownStrapi } from '../../helpers/strapi';
import { createAdmin } from '../../helpers/auth';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Flags that keep Debian's Chromium quiet on a machine without outside network.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export type Lang = 'zh-Hans' | 'en';

export interface AdminSession {
  baseUrl: string;
  browser: Browser;
  admin: { email: string; password: string };
  /** A logged-in page in the given admin language (a fresh browser context each call); `as` logs in another admin. */
  login(
    lang: Lang,
    options?: { viewport?: { width: number; height: number }; as?: { email: string; password: string } },
  ): Promise<Page>;
  /** A page with no login, for public pages (widget, mobile check-in). */
  anonymous(options?: { viewport?: { width: number; height: number }; isMobile?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

export const launchChromium = () => chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });

/**
 * Boots the built app (npm run build: server and admin bundle) on a real port with the
 * Weishi demo loaded, creates an administrator of the given role and opens Chromium.
 */
export async function startAdminSession(
  options: { role?: string; seed?: boolean; env?: Record<string, string> } = {},
): Promise<AdminSession> {
  await setupStrapi(options.env, { demo: options.seed !== false });
  const baseUrl = await listenStrapi();
  const { email, password } = await createAdmin(options.role ?? 'strapi-super-admin');
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];

  const newContext = async (lang: Lang | undefined, viewport?: { width: number; height: number }, isMobile = false) => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: viewport ?? { width: 1440, height: 900 },
      isMobile,
      locale: lang === 'en' ? 'en-US' : 'zh-CN',
    });
    contexts.push(context);
    if (lang) {
      await context.addInitScript((l) => window.localStorage.setItem('strapi-admin-language', l), lang);
    }
    return context;
  };

  return {
    baseUrl,
    browser,
    admin: { email, password },
    async login(lang, opts = {}) {
      const context = await newContext(lang, opts.viewport);
      const page = await context.newPage();
      await page.goto('/admin/auth/login');
      const who = opts.as ?? { email, password };
      await page.locator('input[name="email"]').fill(who.email);
      await page.locator('input[name="password"]').fill(who.password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60000 });
      return page;
    },
    async anonymous(opts = {}) {
      const context = await newContext(undefined, opts.viewport, opts.isMobile);
      return context.newPage();
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await teardownStrapi();
    },
  };
}

/**
 * Opens an admin path inside the running single-page app, as following a link does. `page.goto` reloads and
 * re-parses the whole admin bundle for every view: seconds each on a busy machine, minutes over a walk of
 * every type's views.
 */
export async function navigate(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    const idx = ((window.history.state as { idx?: number } | null)?.idx ?? 0) + 1;
    window.history.pushState({ usr: null, key: Math.random().toString(36).slice(2, 10), idx }, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  }, path);
}
