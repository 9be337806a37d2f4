import { parse, run, type Ctx } from '@grassroots/kit/server';
import { getService } from '../get-service';
import { mapQuery } from './query';
import { workerScript } from './worker';

/** GET /registers/map: validates the query (400 naming `layers` or `within`), the service does the rest. */
export default {
  areas: (ctx: Ctx) => run(ctx, () => getService(strapi, 'map').areas()),
  /** The MapLibre worker script (public: the library's own code, nothing of ours or of anyone's data). */
  worker: (ctx: Ctx) => {
    ctx.type = 'text/javascript; charset=utf-8';
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = workerScript();
  },
  layers: (ctx: Ctx) => run(ctx, () => getService(strapi, 'map').layers(parse(mapQuery, ctx.query, 'query'))),
};
