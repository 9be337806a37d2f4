import type { Core } from '@strapi/strapi';
import { notFound } from './http-error';

const PUBLIC = ['publicized', 'approved'];

/**
 * A branch's scorecard for a year. `audience: 'public'` shows publicized and approved assessments only,
 * drops evidence (text and files) marked internal, and never shows self scores; staff see everything.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async forBranch(branchDocumentId: string, year: number, audience: 'public' | 'staff') {
    const b: any = await strapi.db.query('api::branch.branch').findOne({ where: { documentId: branchDocumentId, level: 'community_branch' }, select: ['id', 'documentId', 'name', 'code', 'category'] });
    if (!b) throw notFound('branch');
    const category = b.category ?? 'urban';
    const sheets: any[] = await strapi.plugin('star-scoring').service('sheets').forCategory(category);
    const where: any = { branchRef: b.id, year };
    if (audience === 'public') where.status = { $in: PUBLIC };
    const rows: any[] = await strapi.db.query('plugin::star-scoring.assessment').findMany({ where });
    const tasks: any[] = await strapi.db.query('plugin::star-scoring.rectification').findMany({ where: { branchRef: b.id, year, ...(audience === 'public' ? { status: 'open' } : {}) }, orderBy: [{ dueDate: 'asc' }, { id: 'asc' }] });
    const history = audience === 'staff'
      ? await strapi.db.query('plugin::star-scoring.transition').findMany({ where: { assessmentRef: { $in: rows.map((r) => r.id).concat([-1]) } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] })
      : [];
    // Public rows are already publicized/approved only, so files of an assessment under review never leave.
    const files = await strapi.plugin('star-scoring').service('evidence').byAssessment(rows.map((r) => r.id), audience === 'public');
    const stars = sheets.map((s) => {
      const a = rows.find((r) => r.starKey === s.key);
      const items = new Map<string, any>(((a?.items as any[]) ?? []).map((x) => [x.code, x]));
      const filesOf = a ? files.get(a.id) : undefined;
      return {
        key: s.key, name: s.name, passThreshold: s.passThreshold,
        assessment: a ? {
          documentId: a.documentId, status: a.status,
          reviewedScore: a.reviewedScore == null ? null : Number(a.reviewedScore),
          vetoFailed: !!a.vetoFailed, passed: !!a.passed, publicityEndsOn: a.publicityEndsOn ?? null,
          ...(audience === 'staff' ? {
            selfScore: Number(a.selfScore ?? 0), reason: a.reason ?? null,
            history: history.filter((h: any) => h.assessmentRef === a.id).map((h: any) => ({ from: h.fromStatus, to: h.toStatus, actor: h.actor, reason: h.reason, at: h.at })),
          } : {}),
        } : null,
        criteria: s.criteria.map((c: any) => {
          const it = items.get(c.code);
          const hideEvidence = audience === 'public' && it?.internal;
          return {
            code: c.code, title: c.title, maxPoints: c.maxPoints, veto: c.veto, department: c.department, metricKey: c.metricKey,
            score: it?.review ?? null,
            ...(audience === 'staff' ? { selfScore: it?.self ?? null, internal: !!it?.internal } : {}),
            evidence: hideEvidence ? null : it?.evidence ?? null,
            files: filesOf?.get(c.code) ?? [],
          };
        }),
      };
    });
    return {
      branch: { documentId: b.documentId, name: b.name, code: b.code, category },
      year,
      level: rows.filter((r) => r.status === 'approved').length,
      stars,
      rectifications: tasks.map((t) => ({ documentId: t.documentId, star: t.starKey, criterion: t.criterionCode, title: t.title, dueDate: t.dueDate, status: t.status, ...(audience === 'staff' ? { owner: t.owner } : {}) })),
    };
  },
});
