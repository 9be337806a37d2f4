import { notFound, parse, run, type Ctx } from '@grassroots/kit/server';
import { ASSESSMENT, BRANCH } from '../cache';
import { getService } from '../get-service';
import { historyOf, type AssessmentRow, type BranchRow } from '../types';
import * as v from '../validation';

/**
 * Read routes the admin pages need and the campaign routes do not give: one assessment with its sheet
 * (the assessment form) and the per-street figures of a year (dashboard, ranking's parent filter).
 */
export default {
  assessment: (ctx: Ctx) =>
    run(ctx, async () => {
      const documentId = parse(v.documentId, ctx.params.documentId, 'documentId');
      await getService(strapi, 'access').assessment(documentId);
      const a = (await strapi.db.query(ASSESSMENT).findOne({ where: { documentId } })) as AssessmentRow | null;
      if (!a) throw notFound('assessment', '星级考评');
      const b = (await strapi.db.query(BRANCH).findOne({
        where: { id: a.branchRef },
        select: ['documentId', 'name', 'code', 'category'],
      })) as BranchRow | null;
      const sheet = await getService(strapi, 'sheets').one(a.category, a.starKey);
      const history = await getService(strapi, 'assessments').history(a.id);
      const byCode = (await getService(strapi, 'evidence').byAssessment([a.id], false)).get(a.id);
      return {
        documentId: a.documentId,
        year: a.year,
        star: a.starKey,
        status: a.status,
        category: a.category,
        items: a.items ?? [],
        files: byCode ? Object.fromEntries(byCode) : {},
        selfScore: Number(a.selfScore ?? 0),
        reviewedScore: a.reviewedScore == null ? null : Number(a.reviewedScore),
        vetoFailed: !!a.vetoFailed,
        passed: !!a.passed,
        publicityEndsOn: a.publicityEndsOn ?? null,
        reason: a.reason ?? null,
        branch: b ? { documentId: b.documentId, name: b.name, code: b.code, category: b.category } : null,
        sheet,
        history: history.map(historyOf),
      };
    }),

  /** Streets (parents of community branches) with branch and assessment counts for a year: one SQL statement. */
  streets: (ctx: Ctx) =>
    run(ctx, async () => {
      const { year } = parse(v.scorecardQuery, ctx.query);
      return getService(strapi, 'rankings').streets(year, await getService(strapi, 'access').scope());
    }),
};
