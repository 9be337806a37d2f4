import type { Core } from '@strapi/strapi';
import { conflict, invalid, notFound } from './http-error';

/** 整改: a criterion scored under its maximum becomes a task with owner and due date. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(input: { assessment: string; criterion: string; owner: string; dueDate: string; title?: string }) {
    const a: any = await strapi.db.query('plugin::star-scoring.assessment').findOne({ where: { documentId: input.assessment } });
    if (!a) throw notFound('assessment');
    const sheet: any = await strapi.plugin('star-scoring').service('sheets').one(a.category, a.starKey);
    const c = sheet?.criteria.find((x: any) => x.code === input.criterion);
    if (!c) throw invalid('criterion', `unknown criterion ${input.criterion} for star ${a.starKey}`);
    const it = ((a.items as any[]) ?? []).find((x) => x.code === c.code);
    const score = it?.review ?? it?.self;
    if (score == null) throw invalid('criterion', `${c.code} has not been scored yet`);
    if (score >= c.maxPoints) throw invalid('criterion', `${c.code} has full points; nothing to rectify`);
    if (await strapi.db.query('plugin::star-scoring.rectification').findOne({ where: { assessmentRef: a.id, criterionCode: c.code } })) throw conflict('criterion', `a task for ${c.code} already exists`);
    return strapi.documents('plugin::star-scoring.rectification' as any).create({
      data: { assessmentRef: a.id, branchRef: a.branchRef, year: a.year, starKey: a.starKey, criterionCode: c.code, title: input.title ?? `整改：${c.title}`, owner: input.owner, dueDate: input.dueDate, status: 'open' } as any,
    });
  },
  async close(documentId: string) {
    const t: any = await strapi.db.query('plugin::star-scoring.rectification').findOne({ where: { documentId } });
    if (!t) throw notFound('rectification');
    if (t.status === 'done') throw conflict('status', 'task already done');
    return strapi.db.query('plugin::star-scoring.rectification').update({ where: { id: t.id }, data: { status: 'done' } });
  },
});
