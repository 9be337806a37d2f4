import { parse, run, type Ctx } from '@grassroots/kit/server';
import { yearQuery } from '../validation';
import { getService } from '../get-service';
import { memberOf, userIdOf } from './caller';
import { documentIdParam } from './params';

export default {
  async me(ctx: Ctx) {
    await run(ctx, async () => {
      const { year } = parse(yearQuery, ctx.query);
      return getService(strapi, 'summary').member((await memberOf(ctx)).id, year);
    });
  },
  async unit(ctx: Ctx) {
    await run(ctx, async () => {
      const { year } = parse(yearQuery, ctx.query);
      const unit = await getService(strapi, 'actors').ownUnit(userIdOf(ctx), documentIdParam(ctx));
      return getService(strapi, 'summary').unit(unit, year);
    });
  },
};
