import { parse, run, type Ctx } from '@grassroots/kit/server';
import { progressBody } from '../validation';
import { getService } from '../get-service';
import { unitOf } from './caller';
import { documentIdParam } from './params';

export default {
  async claim(ctx: Ctx) {
    await run(ctx, async () => getService(strapi, 'lists').claim(await unitOf(ctx), documentIdParam(ctx)));
  },
  async progress(ctx: Ctx) {
    await run(ctx, async () => {
      const unit = await unitOf(ctx);
      const { status } = parse(progressBody, ctx.request.body);
      return getService(strapi, 'lists').progress(unit, documentIdParam(ctx), status);
    });
  },
};
