import { parse, run, svc } from './respond';
import { addMemberBody, documentId, year } from '../validation';

const own = (ctx: any) => svc('actors').ownUnit(ctx.state.user.id, parse(documentId, ctx.params.documentId, 'documentId'));

export default {
  async members(ctx: any) {
    await run(ctx, async () => svc('units').members(await own(ctx)));
  },
  async addMember(ctx: any) {
    await run(ctx, async () => {
      const unit = await own(ctx);
      return svc('units').addMember(unit, parse(addMemberBody, ctx.request.body));
    }, 201);
  },
  async memberCheckIns(ctx: any) {
    await run(ctx, async () => {
      const unit = await own(ctx);
      const y = ctx.query.year === undefined ? undefined : parse(year, ctx.query.year, 'year');
      return svc('units').memberCheckIns(unit, parse(documentId, ctx.params.memberDocumentId, 'memberDocumentId'), y);
    });
  },
};
