import { documentData } from '../packages/kit/server';
import type { Core } from '@strapi/strapi';
import { buildWeishiDemo, type Row } from './weishi';
import { DOMAIN_PLUGINS } from '../bootstrap/domain';
import { SCOPE_REGISTRY } from '../bootstrap/organisation-scope';
import { assignScope } from '../packages/kit/server';

type Uid = 'api::branch.branch' | 'api::grid.grid' | 'api::compound.compound';
const REFERENCES: Record<string, Uid> = {
  parent: 'api::branch.branch',
  branch: 'api::branch.branch',
  partyGroup: 'api::branch.branch',
  grid: 'api::grid.grid',
};

/** code → documentId of what is already stored (one query per type). */
async function existingCodes(strapi: Core.Strapi, uid: Uid): Promise<Map<string, string>> {
  const rows: Array<{ code: string; documentId: string }> = await strapi.db
    .query(uid)
    .findMany({ select: ['code', 'documentId'] });
  return new Map(rows.map((r) => [r.code, r.documentId]));
}

/**
 * Loads the Weishi demo. Idempotent: records are matched by their natural key (code, slug,
 * name) and never created twice or rewritten, so a second run changes nothing.
 * Returns how many records it created.
 */
export async function seedDemo(strapi: Core.Strapi): Promise<number> {
  const demo = buildWeishiDemo();
  let created = 0;
  await strapi.db.transaction(async () => {
    const ids: Record<Uid, Map<string, string>> = {
      'api::branch.branch': await existingCodes(strapi, 'api::branch.branch'),
      'api::grid.grid': await existingCodes(strapi, 'api::grid.grid'),
      'api::compound.compound': await existingCodes(strapi, 'api::compound.compound'),
    };
    const link = (row: Row) => {
      const data: Record<string, unknown> = { ...row };
      for (const [field, target] of Object.entries(REFERENCES)) {
        if (typeof data[field] === 'string') data[field] = ids[target].get(data[field] as string);
      }
      return data;
    };
    const insert = async (uid: Uid, rows: Row[]) => {
      for (const row of rows) {
        if (ids[uid].has(row.code)) continue;
        const doc = await strapi.documents(uid).create({ data: documentData(uid, link(row)) });
        ids[uid].set(row.code, doc.documentId);
        created++;
      }
    };
    await insert('api::branch.branch', demo.branches);
    await insert('api::grid.grid', demo.grids);
    await insert('api::compound.compound', demo.compounds);

    const reps: Array<{ name: string }> = await strapi.db
      .query('api::representative.representative')
      .findMany({ select: ['name'] });
    const repNames = new Set(reps.map((r) => r.name));
    for (const rep of demo.representatives.filter((r) => !repNames.has(r.name))) {
      await strapi.documents('api::representative.representative').create({
        data: documentData('api::representative.representative', {
          ...rep,
          grid: ids['api::grid.grid'].get(rep.grid as string),
        }),
      });
      created++;
    }

    const notices: Array<{ slug: string }> = await strapi.db.query('api::notice.notice').findMany({ select: ['slug'] });
    const slugs = new Set(notices.map((n) => n.slug));
    const streetNotices: string[] = [];
    for (const { published, audienceGrids, audienceBranches, ...notice } of demo.notices.filter(
      (n) => !slugs.has(n.slug),
    )) {
      const data = {
        ...notice,
        audienceGrids: (audienceGrids as string[]).map((c) => ids['api::grid.grid'].get(c)),
        audienceBranches: (audienceBranches as string[]).map((c) => ids['api::branch.branch'].get(c)),
      };
      const doc = await strapi.documents('api::notice.notice').create({
        data: documentData('api::notice.notice', data),
        ...(published ? { status: 'published' as const } : {}),
      });
      if (!data.audienceGrids.length && !data.audienceBranches.length) streetNotices.push(doc.documentId);
      created++;
    }
    // Notices to everyone name no organisation: the street office issued them, so its staff (and the county's) manage them.
    const street = ids['api::branch.branch'].get('LH');
    if (street) await assignScope(strapi, SCOPE_REGISTRY, 'api::notice.notice', streetNotices, street);
  });
  // Each domain plugin seeds its own part of the demo (idempotent too) through its `demo` service.
  for (const id of DOMAIN_PLUGINS) {
    const demo = strapi.plugin(id)?.service('demo') as { seed?: (s: Core.Strapi) => Promise<number> } | undefined;
    if (demo?.seed) created += await demo.seed(strapi);
  }
  return created;
}

/** `npm run develop` on an empty database loads the demo (never in production or tests). */
export async function seedDemoIfEmpty(strapi: Core.Strapi): Promise<void> {
  if (process.env.NODE_ENV === 'production' || process.env.NODE_ENV === 'test') return;
  if (process.env.SEED_DEMO === 'false') return;
  if ((await strapi.db.query('api::branch.branch').count()) > 0) return;
  const created = await seedDemo(strapi);
  strapi.log.info(`[seed] loaded the Weishi demo: ${created} records`);
}
