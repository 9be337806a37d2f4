import type { Core } from '@strapi/strapi';
import { notFound } from '@grassroots/kit/server';
import { ASSESSMENT, BRANCH, RECTIFICATION, TRANSITION } from '../cache';
import { getService } from '../get-service';
import { PUBLIC_STATUSES } from '../../../shared/flow';
import {
  historyOf,
  type AssessmentRow,
  type BranchRow,
  type RectificationRow,
  type StoredItem,
  type TransitionRow,
} from '../types';

export type Audience = 'public' | 'staff';

/**
 * A branch's scorecard for a year. `audience: 'public'` shows publicized and approved assessments only,
 * drops evidence (text and files) marked internal, and never shows self scores; staff see everything.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async forBranch(branchDocumentId: string, year: number, audience: Audience) {
    const b = (await strapi.db.query(BRANCH).findOne({
      where: { documentId: branchDocumentId, level: 'community_branch' },
      select: ['id', 'documentId', 'name', 'code', 'category'],
    })) as BranchRow | null;
    if (!b) throw notFound('branch', '党组织');
    const category = b.category ?? 'urban';
    const staff = audience === 'staff';
    const sheets = await getService(strapi, 'sheets').forCategory(category);
    const rows = (await strapi.db.query(ASSESSMENT).findMany({
      where: { branchRef: b.id, year, ...(staff ? {} : { status: { $in: PUBLIC_STATUSES } }) },
    })) as AssessmentRow[];
    const tasks = (await strapi.db.query(RECTIFICATION).findMany({
      where: { branchRef: b.id, year, ...(staff ? {} : { status: 'open' }) },
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    })) as RectificationRow[];
    const history = staff
      ? ((await strapi.db.query(TRANSITION).findMany({
          where: { assessmentRef: { $in: rows.map((r) => r.id).concat([-1]) } },
          orderBy: [{ at: 'asc' }, { id: 'asc' }],
        })) as TransitionRow[])
      : [];
    // Public rows are already publicized/approved only, so files of an assessment under review never leave.
    const files = await getService(strapi, 'evidence').byAssessment(
      rows.map((r) => r.id),
      !staff,
    );
    const stars = sheets.map((s) => {
      const a = rows.find((r) => r.starKey === s.key);
      const items = new Map<string, StoredItem>((a?.items ?? []).map((x) => [x.code, x]));
      const filesOf = a ? files.get(a.id) : undefined;
      return {
        key: s.key,
        name: s.name,
        passThreshold: s.passThreshold,
        assessment: a
          ? {
              documentId: a.documentId,
              status: a.status,
              reviewedScore: a.reviewedScore == null ? null : Number(a.reviewedScore),
              vetoFailed: !!a.vetoFailed,
              passed: !!a.passed,
              publicityEndsOn: a.publicityEndsOn ?? null,
              ...(staff
                ? {
                    selfScore: Number(a.selfScore ?? 0),
                    reason: a.reason ?? null,
                    history: history.filter((h) => h.assessmentRef === a.id).map(historyOf),
                  }
                : {}),
            }
          : null,
        criteria: s.criteria.map((c) => {
          const it = items.get(c.code);
          const hideEvidence = !staff && it?.internal;
          return {
            code: c.code,
            title: c.title,
            maxPoints: c.maxPoints,
            veto: c.veto,
            department: c.department,
            metricKey: c.metricKey,
            score: it?.review ?? null,
            ...(staff ? { selfScore: it?.self ?? null, internal: !!it?.internal } : {}),
            evidence: hideEvidence ? null : (it?.evidence ?? null),
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
      rectifications: tasks.map((t) => ({
        documentId: t.documentId,
        star: t.starKey,
        criterion: t.criterionCode,
        title: t.title,
        dueDate: t.dueDate,
        status: t.status,
        ...(staff ? { owner: t.owner } : {}),
      })),
    };
  },
});
