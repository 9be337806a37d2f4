import type { Core } from '@strapi/strapi';
import { parse, listQuery, actionItemQuery, evaluationBody } from '../validation/schemas';
import { notFound } from '../services/errors';

const svc = (strapi: Core.Strapi, name: string) => strapi.plugin('deliberation').service(name);

/** Public read model: published minutes, topics with their trail, action items of published minutes. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async meetings(ctx: any) {
    ctx.body = await svc(strapi, 'queries').publicMeetings(parse(listQuery, ctx.query));
  },
  async meeting(ctx: any) {
    const m = await svc(strapi, 'queries').publicMeeting(String(ctx.params.documentId));
    if (!m) throw notFound('meeting');
    ctx.body = { data: m };
  },
  async topics(ctx: any) {
    ctx.body = await svc(strapi, 'queries').publicTopics(parse(listQuery, ctx.query));
  },
  async topic(ctx: any) {
    const r = await svc(strapi, 'queries').publicTopics({ page: 1, pageSize: 1, documentId: String(ctx.params.documentId) });
    if (!r.data.length) throw notFound('topic');
    ctx.body = { data: r.data[0] };
  },
  async actionItems(ctx: any) {
    ctx.body = await svc(strapi, 'queries').publicActionItems(parse(actionItemQuery, ctx.query));
  },
  async evaluate(ctx: any) {
    const body = parse(evaluationBody, ctx.request.body);
    const e = await svc(strapi, 'workflow').evaluate(String(ctx.params.documentId), body, ctx.state.user.id);
    ctx.status = 201;
    ctx.body = { data: { documentId: e.documentId, verdict: e.verdict } };
  },
});
