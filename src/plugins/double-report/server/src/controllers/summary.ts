import { parse, run, svc } from './respond';
import { documentId, yearQuery } from '../validation';
import { forbidden } from '../services/http-error';
import { memberOfAccount } from '../services/tables';

export default {
  async me(ctx: any) {
    await run(ctx, async () => {
      const { year } = parse(yearQuery, ctx.query);
      const member = await memberOfAccount(strapi, ctx.state.user.id);
      if (!member) throw forbidden('account: not linked to a reported member (账号未关联在职党员)');
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
