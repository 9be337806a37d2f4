import { parse, run, svc } from './respond';
import { documentId, yearQuery } from '../validation';

export default {
  async me(ctx: any) {
    await run(ctx, async () => {
      const { year } = parse(yearQuery, ctx.query);
      const member = await svc('actors').memberOf(ctx.state.user.id);
      return svc('summary').member(member.id, year);
    });
  },
  async unit(ctx: any) {
    await run(ctx, async () => {
      const { year } = parse(yearQuery, ctx.query);
      const unit = await svc('actors').ownUnit(ctx.state.user.id, parse(documentId, ctx.params.documentId, 'documentId'));
      return svc('summary').unit(unit, year);
    });
  },
};
