import type { Core } from '@strapi/strapi';
import { accountIdOf, notFound, parse, run, type Ctx } from '@grassroots/kit/server';
import { listQuery, actionItemQuery, evaluationBody } from '../validation/schemas';
import { getService } from '../get-service';

/** Public read model: published minutes, topics with their trail, action items of published minutes. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const q = () => getService(strapi, 'queries');
  return {
    meetings: (ctx: Ctx) => run(ctx, () => q().publicMeetings(parse(listQuery, ctx.query, 'query'))),
    meeting: (ctx: Ctx) =>
      run(ctx, async () => {
        const m = await q().publicMeeting(String(ctx.params.documentId));
        if (!m) throw notFound('meeting', '会议');
        return m;
      }),
    topics: (ctx: Ctx) => run(ctx, () => q().publicTopics(parse(listQuery, ctx.query, 'query'))),
    topic: (ctx: Ctx) =>
      run(ctx, async () => {
        const r = await q().publicTopics({ page: 1, pageSize: 1, documentId: String(ctx.params.documentId) });
        if (!r.data.length) throw notFound('topic', '议题');
        return r.data[0];
      }),
    actionItems: (ctx: Ctx) => run(ctx, () => q().publicActionItems(parse(actionItemQuery, ctx.query, 'query'))),
    evaluate: (ctx: Ctx) =>
      run(
        ctx,
        async () => {
          const body = parse(evaluationBody, ctx.request.body);
          const e = await getService(strapi, 'workflow').evaluate(
            String(ctx.params.documentId),
            body,
            accountIdOf(ctx),
          );
          return { documentId: e.documentId, verdict: e.verdict };
        },
        201,
      ),
  };
};
