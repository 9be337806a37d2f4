import { accountIdOf, invalid, parse, refuse, run, type Ctx } from '@grassroots/kit/server';
import { rateBody, reportBody } from '../validation';
import { getService } from '../get-service';
import { bodyAndPhotos } from './multipart';

const id = (ctx: Ctx) => String(ctx.params.documentId);

/** Grid accounts (role grid-worker): report, their own cases, their grid's cases, rating what they reported. */
export default {
  /** POST /cases: 201 the new case; the same Idempotency-Key again answers 200 with the first one. */
  async report(ctx: Ctx) {
    const key = String(ctx.get('Idempotency-Key') || '').trim();
    if (!key || key.length > 200)
      return refuse(
        ctx,
        invalid('Idempotency-Key', 'header is required (1–200 characters) (须提供 1–200 个字符的请求标识)'),
      );
    let replayed = false;
    await run(
      ctx,
      async () => {
        const { body, photos } = bodyAndPhotos(ctx, 'photosBefore');
        const input = parse(reportBody, body);
        const out = await getService(strapi, 'cases').report(accountIdOf(ctx), key, input, photos);
        replayed = out.replayed;
        return { data: out.data };
      },
      201,
    );
    if (replayed && ctx.status === 201) {
      ctx.status = 200;
      ctx.set('Idempotent-Replayed', 'true');
    }
  },
  mine: (ctx: Ctx) => run(ctx, () => getService(strapi, 'queries').mine(accountIdOf(ctx))),
  grid: (ctx: Ctx) => run(ctx, () => getService(strapi, 'queries').grid(accountIdOf(ctx))),
  /** Before-photos added to an own open case (multipart, field photosBefore). */
  photos: (ctx: Ctx) =>
    run(ctx, () =>
      getService(strapi, 'cases').addPhotos(accountIdOf(ctx), id(ctx), bodyAndPhotos(ctx, 'photosBefore').photos),
    ),
  /** 履职: the representative's own suggestions and their counts. */
  duties: (ctx: Ctx) => run(ctx, () => getService(strapi, 'duties').mine(accountIdOf(ctx))),
  rate: (ctx: Ctx) =>
    run(ctx, () =>
      getService(strapi, 'cases').rate(accountIdOf(ctx), id(ctx), parse(rateBody, ctx.request.body).satisfaction),
    ),
};
