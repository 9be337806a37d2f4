import { parse, run, svc } from './respond';
import { documentId, reportMemberBody, reportUnitBody } from '../validation';

export default {
  async reportMember(ctx: any) {
    await run(ctx, async () => {
      const input = parse(reportMemberBody, ctx.request.body);
      const member = await svc('actors').memberOf(ctx.state.user.id);
      return svc('units').report('member', member, input.community);
    }, 201);
  },
  async reportUnit(ctx: any) {
    await run(ctx, async () => {
      const input = parse(reportUnitBody, ctx.request.body);
      const unit = await svc('actors').unitOf(ctx.state.user.id);
      return svc('units').report('unit', unit, input.community);
    }, 201);
  },
  async mine(ctx: any) {
    await run(ctx, async () => svc('units').registrations('member', await svc('actors').memberOf(ctx.state.user.id)));
  },
  async unitMine(ctx: any) {
    await run(ctx, async () => svc('units').registrations('unit', await svc('actors').unitOf(ctx.state.user.id)));
  },
  async withdrawMember(ctx: any) {
    await run(ctx, async () => {
      const member = await svc('actors').memberOf(ctx.state.user.id);
      return svc('units').withdraw('member', member, parse(documentId, ctx.params.documentId, 'documentId'));
    });
  },
  async withdrawUnit(ctx: any) {
    await run(ctx, async () => {
      const unit = await svc('actors').unitOf(ctx.state.user.id);
      return svc('units').withdraw('unit', unit, parse(documentId, ctx.params.documentId, 'documentId'));
    });
  },
};
