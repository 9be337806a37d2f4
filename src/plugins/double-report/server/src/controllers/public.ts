import { parse, run, svc } from './respond';
import { documentId } from '../validation';

export default {
  async needs(ctx: any) {
    await run(ctx, async () => svc('lists').publicNeeds(parse(documentId, ctx.params.documentId, 'documentId')));
  },
  async activities(ctx: any) {
    await run(ctx, async () => svc('lists').publicActivities(parse(documentId, ctx.params.documentId, 'documentId')));
  },
};
