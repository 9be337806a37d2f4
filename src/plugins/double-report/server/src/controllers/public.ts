import { run, type Ctx } from '@grassroots/kit/server';
import { getService } from '../get-service';
import { documentIdParam } from './params';

/** Public reads (auth: false, cached by the kit: see cache.ts and routes/content-api.ts). */
export default {
  async needs(ctx: Ctx) {
    await run(ctx, async () => getService(strapi, 'lists').publicNeeds(documentIdParam(ctx)));
  },
  async activities(ctx: Ctx) {
    await run(ctx, async () => getService(strapi, 'lists').publicActivities(documentIdParam(ctx)));
  },
};
