import type { Core } from '@strapi/strapi';
import { BRANCH, ASSESSMENT } from '../cache';
import { getService } from '../get-service';
import type { BranchRow } from '../types';

const LEVELS: Record<string, number> = {
  'LH-C1': 5,
  'LH-C2': 4,
  'LH-C3': 3,
  'LH-C4': 3,
  'LH-C5': 2,
  'LH-V1': 4,
  'LH-V2': 1,
};

/** This year's campaign, still under way: how far each applied-for star has gone, by its position in the sheet list. */
const THIS_YEAR_STAGES = ['publicized', 'reviewed', 'self_assessed', 'draft'] as const;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const inDays = (days: number) => isoDay(new Date(Date.now() + days * 86400000));

async function seedCurrentYear(strapi: Core.Strapi, year: number, actor: string): Promise<number> {
  const assessments = getService(strapi, 'assessments');
  const sheets = getService(strapi, 'sheets');
  let created = 0;
  for (const [code, level] of Object.entries(LEVELS)) {
    const b = (await strapi.db.query(BRANCH).findOne({ where: { code } })) as BranchRow | null;
    if (!b) continue;
    const applied = (await sheets.forCategory(b.category ?? 'urban')).slice(0, Math.min(level, 4));
    for (const [j, sheet] of applied.entries()) {
      if (await strapi.db.query(ASSESSMENT).findOne({ where: { branchRef: b.id, year, starKey: sheet.key } })) continue;
      const stage = THIS_YEAR_STAGES[(j + level) % THIS_YEAR_STAGES.length];
      const a = await assessments.create({ branch: b.documentId, year, star: sheet.key }, actor);
      created += 1;
      const items = sheet.criteria.map((c, k) => ({
        code: c.code,
        score: c.veto ? c.maxPoints : Math.max(0, c.maxPoints - ((k + j) % 3)),
        evidence: c.evidenceRequired ? `${b.name}${year}年台账：${c.title}` : '',
        internal: k === 1,
      }));
      await assessments.saveItems(a.documentId, items);
      if (stage === 'draft') continue;
      await assessments.submit(a.documentId, actor);
      if (stage === 'self_assessed') continue;
      await assessments.review(a.documentId, items, actor);
      if (stage === 'reviewed') continue;
      await assessments.publicize(a.documentId, inDays(7), actor);
    }
  }
  return created;
}

/**
 * Default sheets plus the Weishi communities' campaigns, dated from the day of seeding. Last year's is
 * finished: each branch walks the real flow (draft → self-assessed → reviewed → publicized → approved)
 * for the stars it earns; the next star is under review or rejected, so the bulletin shows a spread of
 * levels. This year's is in progress: up to four stars a branch, from publicized (ending next week) down
 * to a draft. Existing assessments are skipped.
 */
export default () => ({
  async seed(strapi: Core.Strapi): Promise<number> {
    const assessments = getService(strapi, 'assessments');
    const sheets = getService(strapi, 'sheets');
    let created = await sheets.ensureDefaults();
    const year = new Date().getUTCFullYear() - 1;
    const actor = 'demo-seed';
    created += await seedCurrentYear(strapi, year + 1, actor);
    for (const [code, level] of Object.entries(LEVELS)) {
      const b = (await strapi.db.query(BRANCH).findOne({ where: { code } })) as BranchRow | null;
      if (!b) continue;
      for (const [j, sheet] of (await sheets.forCategory(b.category ?? 'urban')).entries()) {
        if (await strapi.db.query(ASSESSMENT).findOne({ where: { branchRef: b.id, year, starKey: sheet.key } }))
          continue;
        if (j > level) continue; // not yet applied for
        const a = await assessments.create({ branch: b.documentId, year, star: sheet.key }, actor);
        created += 1;
        const earns = j < level;
        const items = sheet.criteria.map((c, k) => ({
          code: c.code,
          score: c.veto ? c.maxPoints : Math.max(0, c.maxPoints - (earns ? (k + j) % 3 : 4 + k)),
          evidence: c.evidenceRequired ? `${b.name}${year}年台账：${c.title}` : '',
          internal: k === 1,
        }));
        await assessments.saveItems(a.documentId, items);
        await assessments.submit(a.documentId, actor);
        if (!earns && level % 2 === 0) continue; // left waiting for the inspection team
        await assessments.review(a.documentId, items, actor);
        if (!earns) {
          await assessments.reject(a.documentId, '考评得分未达到达标分数线', actor);
          const short = sheet.criteria.find((c) => !c.veto);
          if (short) {
            await getService(strapi, 'rectifications').create({
              assessment: a.documentId,
              criterion: short.code,
              owner: b.secretary ?? '支部书记',
              dueDate: inDays(120),
            });
            created += 1;
          }
          continue;
        }
        await assessments.publicize(a.documentId, `${year}-12-20`, actor);
        await assessments.approve(a.documentId, actor, `${year}-12-31`);
      }
    }
    return created;
  },
});
