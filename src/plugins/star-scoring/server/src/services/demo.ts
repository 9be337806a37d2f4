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

/**
 * Default sheets plus last year's campaign for the Weishi communities: each branch walks the real flow
 * (draft → self-assessed → reviewed → publicized → approved) for the stars it earns; the next star is
 * under review or rejected, so the bulletin shows a spread of levels. Existing assessments are skipped.
 */
export default () => ({
  async seed(strapi: Core.Strapi): Promise<number> {
    const assessments = getService(strapi, 'assessments');
    const sheets = getService(strapi, 'sheets');
    let created = await sheets.ensureDefaults();
    const year = new Date().getUTCFullYear() - 1;
    const actor = 'demo-seed';
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
              dueDate: `${year + 1}-06-30`,
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
