import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { NOTICE, buildWorld, inScope, staffAt, type World } from '../scoping/fixtures';

/**
 * GET /grassroots/todo, the staff home page’s "what waits for me today".
 * Each line is counted in the database, inside the caller's organisation, and shown only to
 * holders of the action of the page that handles it.
 */
let w: World;
let root: string;
let c1: string;
let author: string;

const TODO = '/grassroots/todo';
const docs = (uid: string) => strapi().documents(uid as any) as any;
const db = (uid: string) => strapi().db.query(uid as any);

type Item = { key: string; count: number | null; href: string };
async function todo(token: string): Promise<Record<string, Item>> {
  const res = await http().get(TODO).set(bearer(token));
  expect(res.status).toBe(200);
  return Object.fromEntries((res.body.data as Item[]).map((i) => [i.key, i]));
}

/** Drafts never published, counted by document in the database (the reference the route must match). */
async function neverPublished(only?: Set<string>): Promise<number> {
  const rows: Array<{ documentId: string; publishedAt: string | null }> = await db(NOTICE).findMany({
    select: ['documentId', 'publishedAt'],
  });
  const published = new Set(rows.filter((r) => r.publishedAt).map((r) => r.documentId));
  const drafts = new Set(rows.filter((r) => !published.has(r.documentId)).map((r) => r.documentId));
  return [...drafts].filter((d) => !only || only.has(d)).length;
}

const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  await setupStrapi({ SEED_DEMO: 'false' });
  w = await buildWorld();
  root = (await createAdmin()).token;
  c1 = (await staffAt('community-staff', w.c1)).token;
  author = (await createAdmin('strapi-author')).token;
});
afterAll(teardownStrapi);

describe('what waits for staff today', () => {
  it('refuses a caller who is not signed in to the admin panel', async () => {
    expect((await http().get(TODO)).status).toBe(401);
  });

  it('counts every line in the database for a Super Admin, each with the page that handles it', async () => {
    const council = await db('plugin::deliberation.council').create({
      data: { name: '测试议事会', code: 'T-TODO', kind: 'neighbourhood_council', members: [], rule: {} },
    });
    const meeting = (status: string) =>
      db('plugin::deliberation.meeting').create({
        data: { council: council.id, title: `会议-${status}`, startAt: new Date(), status, revision: 0 },
      });
    await meeting('held');
    await meeting('held');
    await meeting('minutes_draft');
    const item = (status: string, dueDate: string) =>
      db('plugin::deliberation.action-item').create({
        data: { title: `事项-${status}-${dueDate}`, ownerKind: 'person', ownerName: '张三', status, dueDate },
      });
    await item('open', day(-3)); // overdue
    await item('in_progress', day(-1)); // overdue
    await item('open', day(5)); // not yet due
    await item('done', day(-3)); // finished late: no longer waits
    await item('verified', day(-9));

    const before = await todo(root);
    expect(Object.keys(before)).toEqual([
      'checkInsToVerify',
      'registrationsToAccept',
      'assessmentsToSelfAssess',
      'assessmentsToReview',
      'meetingsWithoutMinutes',
      'overdueActionItems',
      'overdueGridCases',
      'warnedGridCases',
      'draftNotices',
    ]);
    expect(before.meetingsWithoutMinutes.count).toBe(2);
    expect(before.overdueActionItems.count).toBe(2);
    expect(before.draftNotices.count).toBe(await neverPublished());
    expect(before.draftNotices.count).toBeGreaterThan(0);
    expect(before.draftNotices.href).toBe('/content-manager/collection-types/api::notice.notice');
    expect(before.overdueActionItems.href).toBe('/plugins/deliberation/board');

    // Publishing a notice takes it off the list; holding minutes for a meeting takes that off too.
    await docs(NOTICE).publish({ documentId: w.c1.notice.documentId });
    await db('plugin::deliberation.meeting').updateMany({
      where: { title: '会议-held' },
      data: { status: 'minutes_draft' },
    });
    const after = await todo(root);
    expect(after.draftNotices.count).toBe(before.draftNotices.count! - 1);
    expect(after.meetingsWithoutMinutes.count).toBe(0);
  });

  it('counts only the caller’s organisation, and never a county-wide figure for a type not scoped yet', async () => {
    const mine = await todo(c1);
    expect(mine.draftNotices.count).toBe(await neverPublished(await inScope(NOTICE, 'scopeCommunity', w.c1)));
    expect(mine.draftNotices.count).toBeLessThan((await todo(root)).draftNotices.count!);
    for (const item of Object.values(mine)) {
      const model = strapi().getModel(
        {
          checkInsToVerify: 'plugin::double-report.check-in',
          registrationsToAccept: 'plugin::double-report.registration',
          assessmentsToSelfAssess: 'plugin::star-scoring.assessment',
          assessmentsToReview: 'plugin::star-scoring.assessment',
          meetingsWithoutMinutes: 'plugin::deliberation.meeting',
          overdueActionItems: 'plugin::deliberation.action-item',
          overdueGridCases: 'plugin::grid-cases.case',
          warnedGridCases: 'plugin::grid-cases.case',
          draftNotices: NOTICE,
        }[item.key] as any,
      );
      if (!('scopeCommunity' in model.attributes)) expect(item.count).toBeNull();
    }
  });

  it('leaves out what the caller may not act on', async () => {
    // Strapi's Author role: no plugin actions, cannot publish notices.
    const lines = await todo(author);
    expect(Object.keys(lines)).toEqual([]);
  });
});
