import type { Core, UID } from '@strapi/strapi';
import { conflict, invalid, isUniqueViolation, lockRow, notFound, requireMove } from '@grassroots/kit/server';
import { ASSESSMENT, BRANCH, TRANSITION, touch } from '../cache';
import { getService } from '../get-service';
import { ASSESSMENT_FLOW, type Status } from '../../../shared/flow';
import { judge } from '../../../shared/rules';
import type { AssessmentRow, BranchRow, StoredItem, TransitionRow } from '../types';
import type { Sheet } from './sheets';

export type Item = { code: string; score: number; evidence?: string; internal?: boolean };

export interface Suggestion {
  code: string;
  metricKey: string;
  available: boolean;
  value: number | null;
  figures: Record<string, number | string>;
  suggestedScore: number | null;
}

/** Ratios scale the maximum directly; counts and hours saturate at 10 (a documented, deliberately simple mapping). */
function suggest(max: number, value: number, unit?: string) {
  const share = unit === 'ratio' ? Math.min(1, Math.max(0, value)) : Math.min(1, value / 10);
  return Math.round(max * share * 10) / 10;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sheets = () => getService(strapi, 'sheets');
  const byId = async (id: number) => (await strapi.db.query(ASSESSMENT).findOne({ where: { id } })) as AssessmentRow;

  async function load(documentId: string): Promise<AssessmentRow> {
    const a = (await strapi.db.query(ASSESSMENT).findOne({ where: { documentId } })) as AssessmentRow | null;
    if (!a) throw notFound('assessment', '星级考评');
    return a;
  }
  async function sheetOf(a: AssessmentRow): Promise<Sheet> {
    const sheet = await sheets().one(a.category, a.starKey);
    // A star deleted in the Content Manager after the assessment was made.
    if (!sheet)
      throw conflict('star', `the sheet of ${a.starKey} (${a.category}) no longer exists (该星的评分细则已不存在)`);
    return sheet;
  }
  /** Checks every item against the sheet: known code, 0 ≤ score ≤ max, evidence where required. */
  function checkItems(sheet: Sheet, items: Item[], requireAll: boolean, withFiles: Set<string> = new Set()): Item[] {
    const byCode = new Map(sheet.criteria.map((c) => [c.code, c]));
    const seen = new Set<string>();
    items.forEach((it, i) => {
      const c = byCode.get(it.code);
      if (!c)
        throw invalid(
          `items[${i}].code`,
          `unknown criterion ${it.code} for star ${sheet.key} (评分细则 ${it.code} 不属于该星)`,
        );
      if (seen.has(it.code))
        throw invalid(`items[${i}].code`, `criterion ${it.code} given twice (评分细则 ${it.code} 重复)`);
      seen.add(it.code);
      if (it.score > c.maxPoints)
        throw invalid(
          `items[${i}].score`,
          `must be at most ${c.maxPoints} (max points of ${c.code}) (不能超过 ${c.maxPoints} 分)`,
        );
    });
    if (requireAll) {
      for (const c of sheet.criteria) {
        if (!seen.has(c.code)) throw invalid('items', `criterion ${c.code} has no score (评分细则 ${c.code} 未评分)`);
        const i = items.findIndex((x) => x.code === c.code);
        // Evidence is either text on the item or at least one attached file (证明材料).
        if (c.evidenceRequired && !(items[i].evidence ?? '').trim() && !withFiles.has(c.code)) {
          throw invalid(
            `items[${i}].evidence`,
            `criterion ${c.code} requires evidence (text or a file) (评分细则 ${c.code} 须附佐证材料)`,
          );
        }
      }
    }
    return items;
  }
  /** Refuses (409 naming status) a move the shared flow does not allow from the current status. */
  const mustMove = (a: AssessmentRow, to: Status) => requireMove(ASSESSMENT_FLOW, 'status', a.status, to);

  /** One transition: status (guarded against a concurrent move), patch, log row and cache versions commit together. */
  async function record(
    a: AssessmentRow,
    to: Status,
    actor: string,
    reason: string | undefined,
    patch: Partial<AssessmentRow>,
    recheck?: (fresh: AssessmentRow) => Promise<void>,
  ) {
    return strapi.db.transaction(async () => {
      // The row lock orders this move after a concurrent one and after evidence changes (evidence.ts
      // locks the same row), so `recheck` judges what is committed, not what was read before.
      await lockRow(strapi, ASSESSMENT, { id: a.id });
      if (recheck) await recheck(await byId(a.id));
      // The WHERE on status makes a concurrent second transition a no-op we can detect.
      const { count } = await strapi.db
        .query(ASSESSMENT)
        .updateMany({ where: { id: a.id, status: a.status }, data: { ...patch, status: to } });
      if (!count) throw conflict('status', 'assessment changed meanwhile; reload (考评已被他人修改，请刷新)');
      await strapi.db.query(TRANSITION).create({
        data: {
          assessmentRef: a.id,
          fromStatus: a.status,
          toStatus: to,
          actor,
          reason: reason ?? null,
          at: new Date(),
        },
      });
      await touch(strapi, [ASSESSMENT]);
      return byId(a.id);
    });
  }

  return {
    async create(input: { branch: string; year: number; star: string }, actor: string): Promise<AssessmentRow> {
      const b = (await strapi.db.query(BRANCH).findOne({
        where: { documentId: input.branch },
        populate: { parent: { select: ['id'] } },
      })) as BranchRow | null;
      if (!b || b.level !== 'community_branch')
        throw invalid('branch', 'must be a community branch (须为社区/村党支部)');
      const category = b.category ?? 'urban';
      const sheet = await sheets().one(category, input.star);
      if (!sheet) throw invalid('star', `unknown star ${input.star} for category ${category} (该类别没有这颗星)`);
      const existing = await strapi.db
        .query(ASSESSMENT)
        .findOne({ where: { branchRef: b.id, year: input.year, starKey: input.star } });
      if (existing)
        throw conflict(
          'star',
          `an assessment of ${input.star} for ${input.year} already exists (${input.year} 年该星的考评已存在)`,
        );
      // Document Service create (register() touches the ASSESSMENT scope inside this transaction).
      // Ten creates at once pass the check above; ss_assessments_branch_year_star_uq keeps one.
      return strapi.db
        .transaction(async () => {
          const a = (await strapi.documents(ASSESSMENT as UID.ContentType).create({
            data: {
              branch: b.documentId,
              branchRef: b.id,
              parentRef: b.parent?.id ?? null,
              category,
              year: input.year,
              starKey: input.star,
              status: 'draft',
              items: [],
              selfScore: 0,
            },
          })) as unknown as AssessmentRow;
          await strapi.db
            .query(TRANSITION)
            .create({ data: { assessmentRef: a.id, fromStatus: null, toStatus: 'draft', actor, at: new Date() } });
          return byId(a.id);
        })
        .catch((err: unknown) => {
          if (isUniqueViolation(err))
            throw conflict(
              'star',
              `an assessment of ${input.star} for ${input.year} already exists (${input.year} 年该星的考评已存在)`,
            );
          throw err;
        });
    },

    /** Self-assessment scores and evidence, editable only while the assessment is a draft. */
    async saveItems(documentId: string, items: Item[]): Promise<AssessmentRow> {
      const a = await load(documentId);
      if (a.status !== 'draft')
        throw conflict('status', `items can be edited in draft only (now ${a.status}) (仅草稿可修改评分)`);
      const sheet = await sheetOf(a);
      checkItems(sheet, items, false);
      const merged = new Map<string, StoredItem>((a.items ?? []).map((x) => [x.code, x]));
      for (const it of items) {
        merged.set(it.code, {
          ...(merged.get(it.code) ?? {}),
          code: it.code,
          self: it.score,
          evidence: it.evidence ?? '',
          internal: !!it.internal,
        });
      }
      const list = sheet.criteria.flatMap((c) => merged.get(c.code) ?? []);
      const { total } = judge(
        sheet.criteria,
        Object.fromEntries(list.map((x) => [x.code, x.self ?? undefined])),
        sheet.passThreshold,
      );
      return strapi.db.transaction(async () => {
        // Guarded like a transition: a submit that committed meanwhile is not overwritten by a late save.
        const { count } = await strapi.db
          .query(ASSESSMENT)
          .updateMany({ where: { id: a.id, status: 'draft' }, data: { items: list, selfScore: total } });
        if (!count) throw conflict('status', 'assessment changed meanwhile; reload (考评已被他人修改，请刷新)');
        await touch(strapi, [ASSESSMENT]);
        return byId(a.id);
      });
    },

    async submit(documentId: string, actor: string) {
      const a = await load(documentId);
      mustMove(a, 'self_assessed');
      const sheet = await sheetOf(a);
      // Checked under the lock: evidence removed or items saved while this submit waited count.
      return record(a, 'self_assessed', actor, undefined, {}, async (fresh) => {
        const withFiles = await getService(strapi, 'evidence').codesWithFiles(a.id);
        checkItems(
          sheet,
          (fresh.items ?? []).map((x) => ({ code: x.code, score: x.self ?? 0, evidence: x.evidence })),
          true,
          withFiles,
        );
      });
    },

    /** Inspection-team scores for every criterion; the star rule is applied to them. */
    async review(documentId: string, items: Item[], actor: string, reason?: string) {
      const a = await load(documentId);
      mustMove(a, 'reviewed');
      const sheet = await sheetOf(a);
      checkItems(sheet, items, false);
      const given = new Map(items.map((x) => [x.code, x]));
      for (const c of sheet.criteria)
        if (!given.has(c.code))
          throw invalid('items', `criterion ${c.code} has no reviewed score (评分细则 ${c.code} 未审核评分)`);
      const verdict = judge(
        sheet.criteria,
        Object.fromEntries(items.map((x) => [x.code, x.score])),
        sheet.passThreshold,
      );
      const prior = new Map<string, StoredItem>((a.items ?? []).map((x) => [x.code, x]));
      const merged: StoredItem[] = sheet.criteria.map((c) => {
        const it = given.get(c.code) as Item;
        const p = prior.get(c.code);
        return {
          code: c.code,
          self: p?.self ?? null,
          review: it.score,
          evidence: it.evidence ?? p?.evidence ?? '',
          internal: it.internal ?? p?.internal ?? false,
        };
      });
      return record(a, 'reviewed', actor, reason, {
        items: merged,
        reviewedScore: verdict.total,
        vetoFailed: verdict.vetoFailed,
        passed: verdict.passed,
      });
    },

    async publicize(documentId: string, endsOn: string, actor: string) {
      const a = await load(documentId);
      mustMove(a, 'publicized');
      if (!a.passed) {
        throw conflict(
          'passed',
          a.vetoFailed
            ? 'a veto criterion failed (一票否决); reject instead (一票否决项未通过，请驳回)'
            : 'reviewed score below the pass threshold; reject instead (审核得分未达标，请驳回)',
        );
      }
      return record(a, 'publicized', actor, undefined, { publicityEndsOn: endsOn });
    },

    async approve(documentId: string, actor: string, today = new Date().toISOString().slice(0, 10)) {
      const a = await load(documentId);
      mustMove(a, 'approved');
      if (a.publicityEndsOn && String(a.publicityEndsOn).slice(0, 10) > today) {
        throw conflict('publicityEndsOn', `publicity runs until ${a.publicityEndsOn} (公示期至 ${a.publicityEndsOn})`);
      }
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

    async history(assessmentId: number): Promise<TransitionRow[]> {
      return (await strapi.db.query(TRANSITION).findMany({
        where: { assessmentRef: assessmentId },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
      })) as TransitionRow[];
    },

    async suggestions(documentId: string): Promise<Suggestion[]> {
      const a = await load(documentId);
      const b = (await strapi.db.query(BRANCH).findOne({ where: { id: a.branchRef }, select: ['documentId'] })) as Pick<
        BranchRow,
        'documentId'
      > | null;
      if (!b) throw notFound('branch', '党组织');
      const sheet = await sheetOf(a);
      const metrics = getService(strapi, 'metrics');
      const units = new Map(metrics.list().map((m) => [m.key, m.unit]));
      const out: Suggestion[] = [];
      for (const c of sheet.criteria) {
        if (!c.metricKey) continue;
        const r = await metrics.compute(c.metricKey, b.documentId, a.year);
        out.push({
          code: c.code,
          metricKey: c.metricKey,
          available: !!r,
          value: r?.value ?? null,
          figures: r?.figures ?? {},
          suggestedScore: r ? suggest(c.maxPoints, r.value, units.get(c.metricKey)) : null,
        });
      }
      return out;
    },
  };
};
