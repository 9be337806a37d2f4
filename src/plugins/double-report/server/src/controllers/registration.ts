import { parse, run, type Ctx } from '@grassroots/kit/server';
import { reportMemberBody, reportUnitBody } from '../validation';
import { getService } from '../get-service';
import { memberOf, unitOf } from './caller';
import { documentIdParam } from './params';

const units = () => getService(strapi, 'units');

export default {
  async reportMember(ctx: Ctx) {
    await run(
      ctx,
      async () => {
        const input = parse(reportMemberBody, ctx.request.body);
        return units().report('member', await memberOf(ctx), input.community);
      },
      201,
    );
  },
  async reportUnit(ctx: Ctx) {
    await run(
      ctx,
      async () => {
        const input = parse(reportUnitBody, ctx.request.body);
        return units().report('unit', await unitOf(ctx), input.community);
      },
      201,
    );
  },
  async mine(ctx: Ctx) {
    await run(ctx, async () => units().registrations('member', await memberOf(ctx)));
  },
  async unitMine(ctx: Ctx) {
    await run(ctx, async () => units().registrations('unit', await unitOf(ctx)));
  },
  async withdrawMember(ctx: Ctx) {
    await run(ctx, async () => units().withdraw('member', await memberOf(ctx), documentIdParam(ctx)));
  },
  async withdrawUnit(ctx: Ctx) {
    await run(ctx, async () => units().withdraw('unit', await unitOf(ctx), documentIdParam(ctx)));
  },
};
