import { run, svc } from './respond';
import * as v from '../validation';

export default {
  rankings: (ctx: any) => run(ctx, async () => svc('rankings').rankings(v.parse(v.rankingQuery, ctx.query))),
  scorecard: (ctx: any) => run(ctx, async () => svc('scorecard').forBranch(v.parse(v.documentId, ctx.params.documentId, 'documentId'), v.parse(v.scorecardQuery, ctx.query).year, 'public')),
};
