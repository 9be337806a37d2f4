import type { Core, UID } from '@strapi/strapi';
import { conflict, invalid, isUniqueViolation, notFound } from '@grassroots/kit/server';
import { ASSESSMENT, RECTIFICATION, touch } from '../cache';
import { getService } from '../get-service';
import type { AssessmentRow, RectificationRow } from '../types';

/** 整改: a criterion scored under its maximum becomes a task with owner and due date. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Written through the Document Service: register() touches the RECTIFICATION scope. */
  async create(input: {
    assessment: string;
    criterion: string;
    owner: string;
    dueDate: string;
    title?: string;
  }): Promise<RectificationRow> {
    const a = (await strapi.db
      .query(ASSESSMENT)
      .findOne({ where: { documentId: input.assessment } })) as AssessmentRow | null;
    if (!a) throw notFound('assessment', '星级考评');
    const sheet = await getService(strapi, 'sheets').one(a.category, a.starKey);
    const c = sheet?.criteria.find((x) => x.code === input.criterion);
    if (!c)
      throw invalid(
        'criterion',
        `unknown criterion ${input.criterion} for star ${a.starKey} (评分细则 ${input.criterion} 不属于该星)`,
      );
    const it = (a.items ?? []).find((x) => x.code === c.code);
    const score = it?.review ?? it?.self;
    if (score == null) throw invalid('criterion', `${c.code} has not been scored yet (尚未评分)`);
    if (score >= c.maxPoints)
      throw invalid('criterion', `${c.code} has full points; nothing to rectify (已得满分，无需整改)`);
    if (await strapi.db.query(RECTIFICATION).findOne({ where: { assessmentRef: a.id, criterionCode: c.code } })) {
      throw conflict('criterion', `a task for ${c.code} already exists (该细则的整改任务已存在)`);
    }
    // Ten creates at once pass the check above; ss_rect_assessment_code_uq keeps one (409, not 500).
    const created = strapi.documents(RECTIFICATION as UID.ContentType).create({
      data: {
        // The relation gives the task its organisation scope (the kit's scope middleware).
        assessment: a.documentId,
        assessmentRef: a.id,
        branchRef: a.branchRef,
        year: a.year,
        starKey: a.starKey,
        criterionCode: c.code,
        title: input.title ?? `整改：${c.title}`,
        owner: input.owner,
        dueDate: input.dueDate,
        status: 'open',
      },
    });
    try {
      return (await created) as unknown as RectificationRow;
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('criterion', `a task for ${c.code} already exists (该细则的整改任务已存在)`);
      throw err;
    }
  },

  async close(documentId: string): Promise<RectificationRow> {
    const t = (await strapi.db.query(RECTIFICATION).findOne({ where: { documentId } })) as RectificationRow | null;
    if (!t) throw notFound('rectification', '整改任务');
    if (t.status === 'done') throw conflict('status', 'task already done (整改任务已完成)');
    return strapi.db.transaction(async () => {
      const { count } = await strapi.db
        .query(RECTIFICATION)
        .updateMany({ where: { id: t.id, status: 'open' }, data: { status: 'done' } });
      if (!count) throw conflict('status', 'task already done (整改任务已完成)');
      await touch(strapi, [RECTIFICATION]);
      return (await strapi.db.query(RECTIFICATION).findOne({ where: { id: t.id } })) as RectificationRow;
    });
  },
});
