import { parse, run, svc } from './respond';
import { documentId, progressBody } from '../validation';

export default {
  async claim(ctx: any) {
    await run(ctx, async () => {
      const unit = await svc('actors').unitOf(ctx.state.user.id);
      return svc('lists').claim(unit, parse(documentId, ctx.params.documentId, 'documentId'));
    });
  },
  async progress(ctx: any) {
    await run(ctx, async () => {
      const unit = await svc('actors').unitOf(ctx.state.user.id);
      const { status } = parse(progressBody, ctx.request.body);
      return svc('lists').progress(unit, parse(documentId, ctx.params.documentId, 'documentId'), status);
    });
  },
};
