import { actorOf, parse, run, type Ctx } from '@grassroots/kit/server';
import { decisionBody, dispatchBody, figuresQuery, mergeBody, optionalReasonBody, reasonBody } from '../validation';
import { getService } from '../get-service';
import type { Actor } from '../types';

const id = (ctx: Ctx) => String(ctx.params.documentId);
const staff = (ctx: Ctx): Actor => ({ kind: 'staff', id: actorOf(ctx) });
const cases = () => getService(strapi, 'cases');
const queries = () => getService(strapi, 'queries');

/** Staff routes: scope (本组织及下级) and level are checked in the service before anything is written. */
export default {
  intake: (ctx: Ctx) => run(ctx, () => queries().intake()),
  supervision: (ctx: Ctx) => run(ctx, () => queries().supervision()),
  case: (ctx: Ctx) => run(ctx, () => queries().staffCase(id(ctx))),
  figures: (ctx: Ctx) =>
    run(ctx, () => getService(strapi, 'figures').threeRates(parse(figuresQuery, ctx.query, 'query'))),
  accept: (ctx: Ctx) =>
    run(ctx, () => {
      const { reason } = parse(optionalReasonBody, ctx.request.body);
      return cases().accept(id(ctx), staff(ctx), reason);
    }),
  return: (ctx: Ctx) =>
    run(ctx, () => cases().returnCase(id(ctx), staff(ctx), parse(reasonBody, ctx.request.body).reason)),
  dispatch: (ctx: Ctx) => run(ctx, () => cases().dispatch(id(ctx), staff(ctx), parse(dispatchBody, ctx.request.body))),
  extension: (ctx: Ctx) =>
    run(ctx, () => {
      const body = parse(decisionBody, ctx.request.body);
      return cases().decideExtension(id(ctx), staff(ctx), body.approve, body.reason);
    }),
  verify: (ctx: Ctx) =>
    run(ctx, () => {
      const { reason } = parse(optionalReasonBody, ctx.request.body);
      return cases().verify(id(ctx), staff(ctx), reason);
    }),
  sendBack: (ctx: Ctx) =>
    run(ctx, () => cases().sendBack(id(ctx), staff(ctx), parse(reasonBody, ctx.request.body).reason)),
  escalate: (ctx: Ctx) =>
    run(ctx, () => cases().escalate(id(ctx), staff(ctx), parse(reasonBody, ctx.request.body).reason), 201),
  merge: (ctx: Ctx) => run(ctx, () => cases().merge(id(ctx), staff(ctx), parse(mergeBody, ctx.request.body).into)),
  toTopic: (ctx: Ctx) => run(ctx, () => getService(strapi, 'links').toTopic(id(ctx), staff(ctx)), 201),
  toNeed: (ctx: Ctx) => run(ctx, () => getService(strapi, 'links').toNeed(id(ctx), staff(ctx)), 201),
  duties: (ctx: Ctx) => run(ctx, () => getService(strapi, 'duties').ofRepresentative(id(ctx))),
  archive: (ctx: Ctx) =>
    run(ctx, () => {
      const { reason } = parse(optionalReasonBody, ctx.request.body);
      return cases().archive(id(ctx), staff(ctx), reason);
    }),
};
