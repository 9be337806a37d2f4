import type { Page, Request } from 'playwright-core';
import { startAdminSession, type AdminSession, type Lang } from './helpers/admin';
import { eventually } from './helpers/eventually';
import { strapi } from '../helpers/strapi';
import { createAdmin } from '../helpers/auth';
import { buildWorld, type World } from '../scoping/fixtures';
import { expected, placeCase, placeRegisters } from '../registers/map-fixtures';

/**
 * 三图 in Chromium, as community staff of 甲社区, in both languages: the three maps draw exactly the
 * grids, party organisations and houses the database holds for the community (counted back from the
 * map with queryRenderedFeatures), the cases layer its open cases; no request leaves this machine
 * (no tiles, fonts or scripts from the internet); the map's canvas is what lies under the pointer;
 * and in the grid's edit view a boundary drawn by clicks (one undone, one corner dragged, the ring
 * closed) is saved by the Content Manager's Save as a closed WGS-84 polygon, shown again after a
 * reload, and removed by 清除 + Save.
 */
let session: AdminSession;
let w: World;
const MAPS = '/admin/plugins/registers/maps';
const fresh: Record<Lang, string> = {} as never;
// the grid's editor: an administrator who may edit every field of grids (Super Admin)
let editor: { email: string; password: string };

beforeAll(async () => {
  session = await startAdminSession({ seed: false, role: 'community-staff' });
  w = await buildWorld();
  await strapi()
    .documents('api::staff-assignment.staff-assignment' as any)
    .create({ data: { adminEmail: session.admin.email, branch: w.c1.documentId } as any });
  editor = await createAdmin('strapi-super-admin');
  await placeRegisters(w.c1, 114.18, 34.4);
  await placeRegisters(w.c3, 114.2, 34.42);
  await placeCase(w.c1.grids[0], 'reported', 114.1805, 34.4005);
  await placeCase(w.c1.grids[1], 'accepted', 114.1825, 34.4005);
  await placeCase(w.c3.grids[0], 'reported', 114.2005, 34.4205);
  for (const lang of ['zh-Hans', 'en'] as Lang[]) {
    const g = await strapi()
      .documents('api::grid.grid' as any)
      .create({
        data: { name: `甲社区新网格-${lang}`, code: `NEW-${lang}`, level: 'base', branch: w.c1.documentId } as any,
      });
    fresh[lang] = g.documentId;
  }
}, 240000);
afterAll(() => session?.close());

/** Every request the page (and its workers) makes, so the test can say none left the machine. */
function recordHosts(page: Page): Set<string> {
  const hosts = new Set<string>();
  page.context().on('request', (r: Request) => {
    const url = new URL(r.url());
    if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol.startsWith('ws')) hosts.add(url.hostname);
  });
  return hosts;
}

/** The tag of the element under the centre of a map's frame: the canvas when the map can take clicks. */
const underPointer = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((frame) => {
    const r = frame.getBoundingClientRect();
    return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.tagName ?? null;
  });

/** The counts under the map once it has settled on `view` (tab:cases shown), drawn beside sent. */
const counts = async (page: Page, view: string) => {
  await page.locator(`[data-testid="maps-counts"][data-ready="${view}"]`).waitFor({ timeout: 60000 });
  const n = async (id: string) => Number(await page.getByTestId(id).innerText());
  return {
    grids: [await n('maps-drawn-grids'), await n('maps-sent-grids')],
    branches: [await n('maps-drawn-branches'), await n('maps-sent-branches')],
    houses: [await n('maps-drawn-houses'), await n('maps-sent-houses')],
    cases: [await n('maps-drawn-cases'), await n('maps-sent-cases')],
  };
};

describe.each(['zh-Hans', 'en'] as Lang[])('三图 (%s)', (lang) => {
  const zh = lang === 'zh-Hans';

  it('draws the three maps and the cases layer with what the database holds, offline', async () => {
    const page = await session.login(lang);
    const hosts = recordHosts(page);
    await page.goto(MAPS);
    await page.getByRole('heading', { name: zh ? '三图' : 'Maps' }).waitFor();
    const db = await expected(w.c1);
    const members = db.memberHouseholds;

    const grids = await counts(page, 'grids:true');
    expect(await underPointer(page, 'maps-canvas')).toBe('CANVAS');
    expect(grids.grids).toEqual([db.grids.size, db.grids.size]);
    expect(grids.cases).toEqual([db.cases.size, db.cases.size]);
    expect(await page.getByTestId('maps-grid-label').count()).toBe(db.grids.size);

    await page.getByRole('tab', { name: zh ? '党组织分布图' : 'Party organisation map' }).click();
    const branches = await counts(page, 'branches:true');
    // the community branch, its service centre, its compound party group and the member households
    expect(branches.branches).toEqual([3 + members, 3 + members]);

    await page.getByRole('tab', { name: zh ? '房屋四色图' : 'Four-colour house map' }).click();
    const houses = await counts(page, 'houses:true');
    expect(houses.houses).toEqual([db.houseFeatures.size, db.houseFeatures.size]);
    const legend = await page.getByTestId('maps-legend').innerText();
    expect(legend).toMatch(zh ? /图例/ : /legend/i);

    // the cases layer switched off draws none
    await page.getByRole('switch').click();
    expect((await counts(page, 'houses:false')).cases[0]).toBe(0);

    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/maps\.[a-z]/);
    const base = new URL(session.baseUrl).hostname;
    expect([...hosts].filter((h) => h !== base && h !== 'localhost' && h !== '127.0.0.1')).toEqual([]);
    await page.context().close();
  }, 180000);

  it('draws a grid boundary in the grid’s edit view, saves it and shows it after a reload', async () => {
    const page = await session.login(lang, { as: editor });
    const hosts = recordHosts(page);
    const documentId = fresh[lang];
    await page.goto(`/admin/content-manager/collection-types/api::grid.grid/${documentId}`);
    const map = page.locator('[data-testid="boundary-map"][data-loaded="true"]');
    await map.waitFor({ timeout: 60000 });
    await map.scrollIntoViewIfNeeded();
    const status = page.getByTestId('boundary-status');
    const state = () => status.getAttribute('data-state');
    const corners = page.getByTestId('boundary-corner');
    const button = (zhName: string, enName: string) => page.getByRole('button', { name: zh ? zhName : enName });
    expect(await state()).toBe('empty');
    expect(await status.innerText()).toMatch(zh ? /在地图上依次点击边界拐点/ : /Click the boundary's corners/);
    expect(await button('完成', 'Done').isDisabled()).toBe(true);
    // the map's canvas, not its frame, is what lies under the pointer (issue 16: a 0 px wide canvas)
    expect(await underPointer(page, 'boundary-map')).toBe('CANVAS');

    // measured at each click: focusing a button below the map may scroll the page
    const at = async (x: number, y: number) => {
      const box = (await map.boundingBox())!;
      await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    };
    for (const [x, y] of [
      [0.3, 0.3],
      [0.7, 0.3],
      [0.7, 0.7],
      [0.3, 0.7],
      [0.5, 0.9],
    ])
      await at(x, y);
    expect(await eventually(() => corners.count(), 5)).toBe(5);
    expect(await state()).toBe('open');
    // undo and finish from the keyboard
    await button('撤销上一点', 'Undo last corner').focus();
    await page.keyboard.press('Enter');
    expect(await eventually(() => corners.count(), 4)).toBe(4);

    // drag the third corner 60 px right and 30 px down
    const third = (await corners.nth(2).boundingBox())!;
    await page.mouse.move(third.x + third.width / 2, third.y + third.height / 2);
    await page.mouse.down();
    await page.mouse.move(third.x + third.width / 2 + 60, third.y + third.height / 2 + 30, { steps: 8 });
    await page.mouse.up();

    // close the ring: a click on the first corner (zh-Hans) or 完成 / Done from the keyboard (en)
    if (zh) await corners.first().click();
    else {
      await button('完成', 'Done').focus();
      await page.keyboard.press('Enter');
    }
    expect(await eventually(state, 'closed')).toBe('closed');
    // a closed ring takes no more corners from map clicks
    await at(0.5, 0.5);
    expect(await corners.count()).toBe(4);

    await page
      .getByRole('button', { name: zh ? '保存' : 'Save' })
      .first()
      .click();
    const stored = async () => {
      const row = await strapi()
        .db.query('api::grid.grid' as any)
        .findOne({ where: { documentId }, select: ['boundary'] });
      return (typeof row?.boundary === 'string' ? JSON.parse(row.boundary) : row?.boundary) ?? null;
    };
    const shape = async () => {
      const b = await stored();
      return b ? { type: b.type, rings: b.coordinates.length, ring: b.coordinates[0].length } : null;
    };
    expect(await eventually(shape, { type: 'Polygon', rings: 1, ring: 5 })).toEqual({
      type: 'Polygon',
      rings: 1,
      ring: 5,
    });
    const ring: [number, number][] = (await stored()).coordinates[0];
    // WGS-84 around Weishi, longitude first, closed
    for (const [lng, lat] of ring) {
      expect(Math.abs(lng - 114.19)).toBeLessThan(0.2);
      expect(Math.abs(lat - 34.41)).toBeLessThan(0.2);
    }
    expect(ring[4]).toEqual(ring[0]);
    // the dragged corner moved east of the second and south of the fourth (they shared its longitude
    // and latitude when clicked); clicked corners run clockwise on screen: north-west, north-east, …
    expect(ring[2][0]).toBeGreaterThan(ring[1][0]);
    expect(ring[2][1]).toBeLessThan(ring[3][1]);
    expect(ring[0][1]).toBeGreaterThan(ring[3][1]);
    expect(ring[1][0]).toBeGreaterThan(ring[0][0]);

    await page.reload();
    await page.locator('[data-testid="boundary-map"][data-loaded="true"]').waitFor({ timeout: 60000 });
    expect(await eventually(() => corners.count(), 4)).toBe(4);
    expect(await eventually(state, 'closed')).toBe('closed');

    // clearing and saving removes the boundary
    await button('清除', 'Clear').click();
    expect(await eventually(() => corners.count(), 0)).toBe(0);
    expect(await state()).toBe('empty');
    await page
      .getByRole('button', { name: zh ? '保存' : 'Save' })
      .first()
      .click();
    expect(await eventually(stored, null)).toBeNull();

    const base = new URL(session.baseUrl).hostname;
    expect([...hosts].filter((h) => h !== base && h !== 'localhost' && h !== '127.0.0.1')).toEqual([]);
    await page.context().close();
  }, 180000);
});
