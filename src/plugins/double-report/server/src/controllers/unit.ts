import { parse, run, type Ctx } from '@grassroots/kit/server';
import { addMemberBody, year } from '../validation';
import { getService } from '../get-service';
import { userIdOf } from './caller';
import { documentIdParam } from './params';

/** The caller's unit when it is the one in the path (another unit's → 404). */
const own = (ctx: Ctx) => getService(strapi, 'actors').ownUnit(userIdOf(ctx), documentIdParam(ctx));
const units = () => getService(strapi, 'units');

export default {
  async members(ctx: Ctx) {
    await run(ctx, async () => units().members(await own(ctx)));
  },
  async addMember(ctx: Ctx) {
    await run(
      ctx,
      async () => {
        const unit = await own(ctx);
        return units().addMember(unit, parse(addMemberBody, ctx.request.body));
      },
      201,
    );
  },
  async memberCheckIns(ctx: Ctx) {
    await run(ctx, async () => {
      const unit = await own(ctx);
      const y = ctx.query.year === undefined ? undefined : parse(year, ctx.query.year, 'year');
      return units().memberCheckIns(unit, documentIdParam(ctx, 'memberDocumentId'), y);
    });
  },
};
