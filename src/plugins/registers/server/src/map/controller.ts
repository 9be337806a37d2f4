import { parse, run, type Ctx } from '@grassroots/kit/server';
import { getService } from '../get-service';
import { mapQuery } from './query';

/** GET /registers/map: validates the query (400 naming `layers` or `within`), the service does the rest. */
export default {
  layers: (ctx: Ctx) => run(ctx, () => getService(strapi, 'map').layers(parse(mapQuery, ctx.query, 'query'))),
};
