import { run, svc } from './respond';
import * as v from '../validation';
import { notFound } from '../services/http-error';

const A = 'plugin::star-scoring.assessment';

/**
 * Read routes the admin pages need and the campaign routes do not give: one assessment with its sheet
 * (the assessment form) and the per-street figures of a year (dashboard, ranking's parent filter).
 */
export default {
  assessment: (ctx: any) => run(ctx, async () => {
    const documentId = v.parse(v.documentId, ctx.params.documentId, 'documentId');
    const a: any = await strapi.db.query(A).findOne({ where: { documentId } });
    if (!a) throw notFound('assessment');
    const b: any = await strapi.db.query('api::branch.branch').findOne({ where: { id: a.branchRef }, select: ['documentId', 'name', 'code', 'category'] });
    const sheet = await svc('sheets').one(a.category, a.starKey);
    const history: any[] = await svc('assessments').history(a.id);
    // Evidence files come from the evidence service when it is installed (it arrived after this route).
    const byCode: Map<string, unknown[]> | undefined = (await svc('evidence')?.byAssessment?.([a.id], false))?.get(a.id);
    return {
      documentId: a.documentId, year: a.year, star: a.starKey, status: a.status, category: a.category,
      items: a.items ?? [], files: byCode ? Object.fromEntries(byCode) : {},
      selfScore: Number(a.selfScore ?? 0), reviewedScore: a.reviewedScore == null ? null : Number(a.reviewedScore),
      vetoFailed: !!a.vetoFailed, passed: !!a.passed, publicityEndsOn: a.publicityEndsOn ?? null, reason: a.reason ?? null,
      branch: b ? { documentId: b.documentId, name: b.name, code: b.code, category: b.category } : null,
      sheet,
      history: history.map((h) => ({ from: h.fromStatus, to: h.toStatus, actor: h.actor, reason: h.reason, at: h.at })),
    };
  }),

  /** Streets (parents of community branches) with branch and assessment counts for a year: one SQL statement. */
  streets: (ctx: any) => run(ctx, async () => {
    const year = v.parse(v.scorecardQuery, ctx.query).year;
    const jt: any = (strapi.db.metadata.get('api::branch.branch' as any).attributes as any).parent.joinTable;
    const own = jt.joinColumn.name;
    const other = jt.inverseJoinColumn.name;
    const res: any = await strapi.db.connection.raw(
      `SELECT s.document_id, s.name, s.code, COUNT(DISTINCT b.id) AS branches, COUNT(a.id) AS assessments,
         SUM(CASE WHEN a.status = 'approved' THEN 1 ELSE 0 END) AS approved
       FROM branches s JOIN ${jt.name} p ON p.${other} = s.id JOIN branches b ON b.id = p.${own} AND b.level = 'community_branch'
       LEFT JOIN ss_assessments a ON a.branch_ref = b.id AND a.year = ?
       GROUP BY s.id, s.document_id, s.name, s.code ORDER BY s.code`,
      [year],
    );
    const rows: any[] = Array.isArray(res) ? res : res.rows;
    return rows.map((r) => ({ documentId: r.document_id, name: r.name, code: r.code, branches: Number(r.branches), assessments: Number(r.assessments), approvedStars: Number(r.approved ?? 0) }));
  }),
};
