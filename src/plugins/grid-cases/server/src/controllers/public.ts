import { parse, run, type Ctx } from '@grassroots/kit/server';
import { publicListQuery } from '../validation';
import { getService } from '../get-service';

/** The public status pages: no personal data, merged cases left out of the list. */
export default {
  cases: (ctx: Ctx) =>
    run(ctx, () => getService(strapi, 'queries').publicList(parse(publicListQuery, ctx.query, 'query'))),
  case: (ctx: Ctx) =>
    run(ctx, async () => ({ data: await getService(strapi, 'queries').publicCase(String(ctx.params.documentId)) })),
};
