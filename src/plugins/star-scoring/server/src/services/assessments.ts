import type { Core } from '@strapi/strapi';
import { conflict, invalid, notFound } from './http-error';
import { FLOW, judge } from './rules';

const A = 'plugin::star-scoring.assessment';
const T = 'plugin::star-scoring.transition';

type Item = { code: string; score: number; evidence?: string; internal?: boolean };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sheets = () => strapi.plugin('star-scoring').service('sheets');

  async function load(documentId: string) {
    const a: any = await strapi.db.query(A).findOne({ where: { documentId } });
    if (!a) throw notFound('assessment');
    return a;
  }
  /** Checks every item against the sheet: known code, 0 ≤ score ≤ max, evidence where required. */
  function checkItems(sheet: any, items: Item[], requireAll: boolean, withFiles: Set<string> = new Set()) {
    const byCode = new Map(sheet.criteria.map((c: any) => [c.code, c]));
    const seen = new Set<string>();
    items.forEach((it, i) => {
      const c: any = byCode.get(it.code);
      if (!c) throw invalid(`items[${i}].code`, `unknown criterion ${it.code} for star ${sheet.key}`);
      if (seen.has(it.code)) throw invalid(`items[${i}].code`, `criterion ${it.code} given twice`);
      seen.add(it.code);
      if (it.score > c.maxPoints) throw invalid(`items[${i}].score`, `must be at most ${c.maxPoints} (max points of ${c.code})`);
    });
    if (requireAll) {
      for (const c of sheet.criteria) {
        if (!seen.has(c.code)) throw invalid('items', `criterion ${c.code} has no score`);
        const i = items.findIndex((x) => x.code === c.code);
        // Evidence is either text on the item or at least one attached file (证明材料).
        if (c.evidenceRequired && !(items[i].evidence ?? '').trim() && !withFiles.has(c.code)) throw invalid(`items[${i}].evidence`, `criterion ${c.code} requires evidence (text or a file)`);
      }
    }
    return items;
  }
  async function record(a: any, to: string, actor: string, reason: string | undefined, patch: Record<string, unknown>) {
    return strapi.db.transaction(async () => {
      // The WHERE on status makes a concurrent second transition a no-op we can detect.
      const { count } = await strapi.db.query(A).updateMany({ where: { id: a.id, status: a.status }, data: { status: to } as any });
      if (!count) throw conflict('status', `assessment changed meanwhile; reload`);
      if (Object.keys(patch).length) await strapi.db.query(A).update({ where: { id: a.id }, data: patch as any });
      await strapi.db.query(T).create({ data: { assessmentRef: a.id, fromStatus: a.status, toStatus: to, actor, reason: reason ?? null, at: new Date() } as any });
      return strapi.db.query(A).findOne({ where: { id: a.id } });
    });
  }
  function mustMove(a: any, to: string) {
    const rule = FLOW[to];
    if (!rule.from.includes(a.status)) throw conflict('status', `cannot go from ${a.status} to ${to} (allowed from ${rule.from.join(', ')})`);
  }

  return {
    async create(input: { branch: string; year: number; star: string }, actor: string) {
      const b: any = await strapi.db.query('api::branch.branch').findOne({ where: { documentId: input.branch }, populate: { parent: { select: ['id'] } } });
      if (!b || !['community_branch'].includes(b.level)) throw invalid('branch', 'must be a community branch (社区/村党支部)');
      const category = b.category ?? 'urban';
      const sheet = await sheets().one(category, input.star);
      if (!sheet) throw invalid('star', `unknown star ${input.star} for category ${category}`);
      const existing = await strapi.db.query(A).findOne({ where: { branchRef: b.id, year: input.year, starKey: input.star } });
      if (existing) throw conflict('star', `an assessment of ${input.star} for ${input.year} already exists`);
      return strapi.db.transaction(async () => {
        const a: any = await strapi.documents(A as any).create({
          data: { branch: b.documentId, branchRef: b.id, parentRef: b.parent?.id ?? null, category, year: input.year, starKey: input.star, status: 'draft', items: [], selfScore: 0 } as any,
        });
        await strapi.db.query(T).create({ data: { assessmentRef: a.id, fromStatus: null, toStatus: 'draft', actor, at: new Date() } as any });
        return strapi.db.query(A).findOne({ where: { id: a.id } });
      });
    },

    /** Self-assessment scores and evidence, editable only while the assessment is a draft. */
    async saveItems(documentId: string, items: Item[]) {
      const a = await load(documentId);
      if (a.status !== 'draft') throw conflict('status', `items can be edited in draft only (now ${a.status})`);
      const sheet = await sheets().one(a.category, a.starKey);
      checkItems(sheet, items, false);
      const merged = new Map<string, any>((a.items ?? []).map((x: any) => [x.code, x]));
      for (const it of items) merged.set(it.code, { ...(merged.get(it.code) ?? {}), code: it.code, self: it.score, evidence: it.evidence ?? '', internal: !!it.internal });
      const list = sheet.criteria.filter((c: any) => merged.has(c.code)).map((c: any) => merged.get(c.code));
      const { total } = judge(sheet.criteria, Object.fromEntries(list.map((x: any) => [x.code, x.self])), sheet.passThreshold);
      await strapi.db.query(A).update({ where: { id: a.id }, data: { items: list, selfScore: total } as any });
      return strapi.db.query(A).findOne({ where: { id: a.id } });
    },

    async submit(documentId: string, actor: string) {
      const a = await load(documentId);
      mustMove(a, 'self_assessed');
      const sheet: any = await sheets().one(a.category, a.starKey);
      const withFiles = await strapi.plugin('star-scoring').service('evidence').codesWithFiles(a.id);
      checkItems(sheet, (a.items ?? []).map((x: any) => ({ code: x.code, score: x.self, evidence: x.evidence })), true, withFiles);
      return record(a, 'self_assessed', actor, undefined, {});
    },

    /** Inspection-team scores for every criterion; the star rule is applied to them. */
    async review(documentId: string, items: Item[], actor: string, reason?: string) {
      const a = await load(documentId);
      mustMove(a, 'reviewed');
      const sheet: any = await sheets().one(a.category, a.starKey);
      checkItems(sheet, items, false);
      for (const c of sheet.criteria) if (!items.some((x) => x.code === c.code)) throw invalid('items', `criterion ${c.code} has no reviewed score`);
      const scores = Object.fromEntries(items.map((x) => [x.code, x.score]));
      const verdict = judge(sheet.criteria, scores, sheet.passThreshold);
      const prior = new Map<string, any>((a.items ?? []).map((x: any) => [x.code, x]));
      const merged = sheet.criteria.map((c: any) => {
        const it = items.find((x) => x.code === c.code)!;
        const p = prior.get(c.code) ?? {};
        return { code: c.code, self: p.self ?? null, review: it.score, evidence: it.evidence ?? p.evidence ?? '', internal: it.internal ?? p.internal ?? false };
      });
      return record(a, 'reviewed', actor, reason, { items: merged, reviewedScore: verdict.total, vetoFailed: verdict.vetoFailed, passed: verdict.passed });
    },

    async publicize(documentId: string, endsOn: string, actor: string) {
      const a = await load(documentId);
      mustMove(a, 'publicized');
      if (!a.passed) throw conflict('passed', a.vetoFailed ? 'a veto criterion failed (一票否决); reject instead' : 'reviewed score below the pass threshold; reject instead');
      return record(a, 'publicized', actor, undefined, { publicityEndsOn: endsOn });
    },

    async approve(documentId: string, actor: string, today = new Date().toISOString().slice(0, 10)) {
      const a = await load(documentId);
      mustMove(a, 'approved');
      if (a.publicityEndsOn && String(a.publicityEndsOn).slice(0, 10) > today) throw conflict('publicityEndsOn', `publicity runs until ${a.publicityEndsOn}`);
      return record(a, 'approved', actor, undefined, {});
    },

    async reject(documentId: string, reason: string, actor: string) {
      const a = await load(documentId);
      mustMove(a, 'rejected');
      return record(a, 'rejected', actor, reason, { reason });
    },

    /** 摘星: an approved star is withdrawn; the level drops at once because only approved rows count. */
    async revoke(documentId: string, reason: string, actor: string) {
      const a = await load(documentId);
      mustMove(a, 'revoked');
      return record(a, 'revoked', actor, reason, { reason });
    },

    async reopen(documentId: string, actor: string) {
      const a = await load(documentId);
      mustMove(a, 'draft');
      return record(a, 'draft', actor, undefined, { reviewedScore: null, vetoFailed: false, passed: false });
    },

    async history(assessmentId: number) {
      return strapi.db.query(T).findMany({ where: { assessmentRef: assessmentId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    },

    async suggestions(documentId: string) {
      const a = await load(documentId);
      const b: any = await strapi.db.query('api::branch.branch').findOne({ where: { id: a.branchRef }, select: ['documentId'] });
      const sheet: any = await sheets().one(a.category, a.starKey);
      const metrics = strapi.plugin('star-scoring').service('metrics');
      const out: any[] = [];
      for (const c of sheet.criteria.filter((x: any) => x.metricKey)) {
        const r = await metrics.compute(c.metricKey, b.documentId, a.year);
        out.push({ code: c.code, metricKey: c.metricKey, available: !!r, value: r?.value ?? null, figures: r?.figures ?? {}, suggestedScore: r ? suggest(c.maxPoints, r.value, metrics.list().find((m: any) => m.key === c.metricKey)?.unit) : null });
      }
      return out;
    },
  };
};

/** Ratios scale the maximum directly; counts and hours saturate at 10 (a documented, deliberately simple mapping). */
function suggest(max: number, value: number, unit?: string) {
  const share = unit === 'ratio' ? Math.min(1, Math.max(0, value)) : Math.min(1, value / 10);
  return Math.round(max * share * 10) / 10;
}
