import type { Page } from 'playwright-core';
import { LABELS, typeName, valueLabels } from '../../src/packages/kit/shared';
import { strapi } from '../helpers/strapi';
import { navigate, startAdminSession, type AdminSession, type Lang } from './helpers/admin';

/**
 * Strapi's own pages as staff live in them: the home page and every Content Manager list and
 * edit view of the domain types, in zh-Hans and en. Fails on any MISSING_TRANSLATION message in
 * the console, any stock English phrase under zh-Hans, and any raw enumeration key on screen.
 */
let session: AdminSession;
// Boot and demo seed: more than jest's five minutes when the machine is busy.
beforeAll(async () => {
  session = await startAdminSession();
}, 600000);
afterAll(() => session?.close());

const STOCK_ENGLISH = [
  'Welcome to your administration panel',
  'Your tasks',
  'Last edited entries',
  'COLLECTION TYPES',
  'Collection Types',
  'Create new entry',
  'Add or create a relation',
  'Load More',
  'STATUS',
  'Published',
  'Draft',
  'Introducing the new Media Library',
  'Discover your application',
];

interface ContentType {
  kind: 'collectionType' | 'singleType';
  pluginOptions?: { 'content-manager'?: { visible?: boolean } };
}
const model = (uid: string) =>
  strapi().contentTypes[uid as keyof ReturnType<typeof strapi>['contentTypes']] as unknown as ContentType;
const domainTypes = () => Object.keys(LABELS).filter((uid) => uid.includes('::'));
const visible = (uid: string) => model(uid).pluginOptions?.['content-manager']?.visible !== false;

// Stored keys (community_branch, cppcc, base …) that must never reach the screen as they are.
const RAW_KEYS = Object.keys(valueLabels('zh-Hans'));
const rawKeyIn = (text: string, lang: Lang): string[] =>
  RAW_KEYS.filter((key) => lang === 'zh-Hans' || key.includes('_') || key === 'cppcc').filter((key) =>
    new RegExp(`(^|[^A-Za-z0-9_.:/-])${key.replace(/[.]/g, '\\.')}($|[^A-Za-z0-9_.:/-])`).test(text),
  );

/** The visible text, without JSON editors (their keys are data, not labels). */
const screenText = (page: Page) =>
  page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.cm-editor, script, style').forEach((n) => n.remove());
    document.body.appendChild(clone);
    clone.style.position = 'absolute';
    const text = clone.innerText;
    clone.remove();
    return text;
  });

async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 30000 }).catch(() => undefined);
}

describe.each<Lang>(['zh-Hans', 'en'])('Strapi’s own pages in %s', (lang) => {
  let page: Page;
  const missing = new Set<string>();
  const problems: string[] = [];

  beforeAll(async () => {
    page = await session.login(lang);
    page.on('console', (msg) => {
      const text = msg.text();
      if (text.includes('MISSING_TRANSLATION')) missing.add(text.replace(/\s+/g, ' ').slice(0, 200));
    });
  });

  const check = async (where: string) => {
    await settle(page);
    const text = await screenText(page);
    if (lang === 'zh-Hans') {
      for (const phrase of STOCK_ENGLISH) if (text.includes(phrase)) problems.push(`${where}: "${phrase}"`);
    }
    for (const key of rawKeyIn(text, lang)) problems.push(`${where}: raw key ${key}`);
    return text;
  };

  it('opens on what waits for me today, each line a link to the page that handles it', async () => {
    await page.goto('/admin');
    await page
      .getByText(lang === 'en' ? 'Waiting for me today' : '今日待办')
      .first()
      .waitFor({ timeout: 60000 });
    await page.locator('[data-todo]').first().waitFor({ timeout: 30000 });
    await check('home');
    const links = await page.locator('[data-todo]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((href) => href?.startsWith('/admin/'))).toBe(true);
    // The guided tour and Strapi's developer widgets are not on the staff home.
    expect(await page.getByText(lang === 'en' ? 'Discover your application' : '了解您的应用').count()).toBe(0);
  });

  it('lists the domain types by their names in the Content Manager, internal tables left out', async () => {
    await page.goto('/admin/content-manager');
    await page.locator('nav').getByText(typeName('api::branch.branch', lang)).first().waitFor({ timeout: 60000 });
    const menu = await check('content manager menu');
    for (const uid of domainTypes().filter((u) => model(u).kind === 'collectionType')) {
      if (visible(uid)) expect([uid, menu.includes(typeName(uid, lang))]).toEqual([uid, true]);
    }
    for (const uid of domainTypes().filter((u) => !visible(u))) {
      expect([uid, menu.split('\n').includes(typeName(uid, lang))]).toEqual([uid, false]);
    }
  });

  it('opens every list and edit view with labels, not keys', async () => {
    for (const uid of domainTypes().filter(visible)) {
      const name = typeName(uid, lang);
      if (model(uid).kind === 'singleType') {
        await navigate(page, `/admin/content-manager/single-types/${uid}`);
        await page.getByRole('heading', { name, level: 1 }).waitFor({ timeout: 60000 });
        await check(`${uid} (single)`);
        continue;
      }
      await navigate(page, `/admin/content-manager/collection-types/${uid}`);
      await page.getByRole('heading', { name, level: 1 }).waitFor({ timeout: 60000 });
      await check(`${uid} list`);
      const first = (await strapi()
        .db.query(uid as any)
        .findOne({ select: ['documentId'] })) as { documentId: string } | null;
      await navigate(page, `/admin/content-manager/collection-types/${uid}/${first ? first.documentId : 'create'}`);
      // the list's heading gone: the edit view (headed by the entry) has replaced it
      await page.getByRole('heading', { name, level: 1, exact: true }).waitFor({ state: 'detached', timeout: 60000 });
      await page.locator('form').first().waitFor({ timeout: 60000 });
      await check(`${uid} edit`);
    }
    // Two views of some twenty types: minutes on a busy machine.
  }, 900000);

  it('logged no MISSING_TRANSLATION and showed no stock English or raw key', () => {
    expect([...missing]).toEqual([]);
    expect(problems).toEqual([]);
  });
});
