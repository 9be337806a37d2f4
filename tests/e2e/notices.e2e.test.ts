import http from 'http';
import type { AddressInfo } from 'net';
import { startAdminSession, type AdminSession } from './helpers/admin';
import { strapi } from '../helpers/strapi';

let session: AdminSession;
let host: http.Server;
let hostUrl: string;

/** An external site on another origin with a strict CSP that only allows our origin. */
function hostPage(appOrigin: string, attrs: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>县政府网站</title></head><body>
<h1>尉氏县人民政府</h1><div id="slot"></div>
<script src="${appOrigin}/widget/notices.js" ${attrs}></script></body></html>`;
}

beforeAll(async () => {
  session = await startAdminSession();
  await strapi()
    .documents('api::notice.notice')
    .create({
      data: {
        title: '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">',
        category: 'notice',
      } as any,
      status: 'published',
    } as any);
  host = http.createServer((req, res) => {
    const attrs = decodeURIComponent((req.url ?? '').split('?attrs=')[1] ?? '');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader(
      'Content-Security-Policy',
      `default-src 'none'; script-src ${session.baseUrl}; connect-src ${session.baseUrl}; style-src 'none'`,
    );
    res.end(hostPage(session.baseUrl, attrs));
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', () => r()));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await session?.close();
  await new Promise((r) => host?.close(r));
});

describe('the embeddable notices widget in Chromium', () => {
  it('renders the latest published notices on another origin under a strict CSP, markup shown as text', async () => {
    const page = await session.anonymous();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${hostUrl}/?attrs=${encodeURIComponent('data-count="5" data-target="#slot"')}`);
    const items = page.locator('#slot .gg-notices__item');
    await items.first().waitFor({ timeout: 30000 });
    expect(await items.count()).toBe(5);
    const first = await page.locator('#slot .gg-notices__link').first().textContent();
    expect(first).toBe('<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">');
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await page.locator('#slot script, #slot img').count()).toBe(0);
    expect(await page.locator('#slot .gg-notices__title').textContent()).toBe('通知公告');
    // No globals leak from the widget.
    const globals = await page.evaluate(() => Object.keys(window).filter((k) => /^(gg|notice)/i.test(k)));
    expect(globals).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('filters by category and speaks English when asked', async () => {
    const page = await session.anonymous();
    await page.goto(
      `${hostUrl}/?attrs=${encodeURIComponent('data-category="publicity" data-lang="en" data-count="10"')}`,
    );
    await page.locator('.gg-notices__item').first().waitFor({ timeout: 30000 });
    const published = await strapi()
      .documents('api::notice.notice')
      .findMany({ status: 'published', filters: { category: 'publicity' } } as any);
    // Plugins' demo seeds (deliberation) publish publicity notices too: at most data-count are shown.
    expect(published.length).toBeGreaterThan(0);
    expect(await page.locator('.gg-notices__item').count()).toBe(Math.min(10, published.length));
    expect(await page.locator('.gg-notices__title').textContent()).toBe('Notices');
    const categories = await page.locator('.gg-notices__category').allTextContents();
    expect(new Set(categories)).toEqual(new Set(['公示']));
  });

  it('the demo page shows the seeded notices', async () => {
    const page = await session.anonymous();
    await page.goto(`${session.baseUrl}/widget/demo.html`);
    await page.locator('#notices .gg-notices__item').first().waitFor({ timeout: 30000 });
    expect(await page.locator('#notices .gg-notices__item').count()).toBe(8);
    const newest = await strapi()
      .documents('api::notice.notice')
      .findMany({ status: 'published', sort: [{ publishedAt: 'desc' }, { id: 'desc' }], limit: 8 } as any);
    expect(await page.locator('#notices .gg-notices__link').allTextContents()).toEqual(newest.map((n: any) => n.title));
    await page.screenshot({ path: require('path').resolve(__dirname, '../../.tmp/widget-demo.png'), fullPage: true });
  });
});
