import { invalid, parse, refuse, run, type Ctx } from '@grassroots/kit/server';
import { checkOutBody, year } from '../validation';
import { getService } from '../get-service';
import { memberOf, memberOrNull, userIdOf } from './caller';
import { documentIdParam } from './params';

export default {
  /** POST /check-ins: idempotent by the caller's Idempotency-Key; the whole story is services/submit-check-in.ts. */
  async create(ctx: Ctx) {
    const key = String(ctx.get('Idempotency-Key') || '').trim();
    if (!key || key.length > 200)
      return refuse(
        ctx,
        invalid('Idempotency-Key', 'header is required (1–200 characters) (请求头必填，1–200 个字符)'),
      );
    const answer = await getService(strapi, 'submit-check-in').submit({
      userId: userIdOf(ctx),
      member: await memberOrNull(ctx),
      key,
      body: ctx.request.body ?? {},
    });
    ctx.status = answer.status;
    ctx.body = answer.body;
    if (answer.replayed) ctx.set('Idempotent-Replayed', 'true');
  },
  async checkOut(ctx: Ctx) {
    await run(ctx, async () => {
      const input = parse(checkOutBody, ctx.request.body);
      return getService(strapi, 'check-in').checkOut(await memberOf(ctx), input.activity);
    });
  },
  async mine(ctx: Ctx) {
    await run(ctx, async () => {
      const y = ctx.query.year === undefined ? undefined : parse(year, ctx.query.year, 'year');
      return getService(strapi, 'check-in').mine(await memberOf(ctx), y);
    });
  },
  async cancel(ctx: Ctx) {
    await run(ctx, async () => getService(strapi, 'check-in').cancel(await memberOf(ctx), documentIdParam(ctx)));
  },
};
