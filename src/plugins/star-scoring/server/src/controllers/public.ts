import { parse, run, type Ctx } from '@grassroots/kit/server';
import { getService } from '../get-service';
import * as v from '../validation';

export default {
  rankings: (ctx: Ctx) => run(ctx, () => getService(strapi, 'rankings').rankings(parse(v.rankingQuery, ctx.query))),
  scorecard: (ctx: Ctx) =>
    run(ctx, () =>
      getService(strapi, 'scorecard').forBranch(
        parse(v.documentId, ctx.params.documentId, 'documentId'),
        parse(v.scorecardQuery, ctx.query).year,
        'public',
      ),
    ),
};
