import { accountIdOf, parse, run, type Ctx } from '@grassroots/kit/server';
import { extensionBody, handleBody } from '../validation';
import { getService } from '../get-service';
import { bodyAndPhotos } from './multipart';

const id = (ctx: Ctx) => String(ctx.params.documentId);
const cases = () => getService(strapi, 'cases');

/** Owners (party-unit accounts of double-report units): their cases, 签收, 处置, 办结, 申请延期. */
export default {
  cases: (ctx: Ctx) => run(ctx, () => getService(strapi, 'queries').owner(accountIdOf(ctx))),
  sign: (ctx: Ctx) => run(ctx, () => cases().sign(accountIdOf(ctx), id(ctx))),
  start: (ctx: Ctx) => run(ctx, () => cases().start(accountIdOf(ctx), id(ctx))),
  /** 办结: JSON, or multipart with the after-photos under photosAfter. */
  handle: (ctx: Ctx) =>
    run(ctx, () => {
      const { body, photos } = bodyAndPhotos(ctx, 'photosAfter');
      return cases().handle(accountIdOf(ctx), id(ctx), parse(handleBody, body).result, photos);
    }),
  extension: (ctx: Ctx) =>
    run(ctx, () => {
      const body = parse(extensionBody, ctx.request.body);
      return cases().requestExtension(accountIdOf(ctx), id(ctx), body.days, body.reason);
    }),
};
