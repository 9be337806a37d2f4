import { actorOf, parse, run, type Ctx } from '@grassroots/kit/server';
import { exportTable } from '@grassroots/kit/export';
import {
  categoryBody,
  categoryPatch,
  dateText,
  decisionBody,
  dispatchBody,
  dutiesQuery,
  figuresQuery,
  holidayBody,
  handleBody,
  holidaysQuery,
  mergeBody,
  optionalReasonBody,
  ownerAccountsQuery,
  reasonBody,
} from '../validation';
import { figuresExport } from '../exports/figures';
import { dutiesExport } from '../exports/duties';
import { getService } from '../get-service';
import { bodyAndPhotos } from './multipart';
import type { Actor } from '../types';

const id = (ctx: Ctx) => String(ctx.params.documentId);
const staff = (ctx: Ctx): Actor => ({ kind: 'staff', id: actorOf(ctx) });
const cases = () => getService(strapi, 'cases');
const queries = () => getService(strapi, 'queries');
const catalogue = () => getService(strapi, 'catalogue');

/** Staff routes: scope (本组织及下级) and level are checked in the service before anything is written. */
export default {
  intake: (ctx: Ctx) => run(ctx, () => queries().intake()),
  supervision: (ctx: Ctx) => run(ctx, () => queries().supervision()),
  case: (ctx: Ctx) => run(ctx, () => queries().staffCase(id(ctx))),
  figures: (ctx: Ctx) =>
    run(ctx, async () => {
      const q = parse(figuresQuery, ctx.query, 'query');
      const rows = await getService(strapi, 'figures').threeRates(q);
      return q.format === 'csv' || q.format === 'xlsx' ? exportTable(ctx, q.format, figuresExport(q, rows)) : rows;
    }),
  units: (ctx: Ctx) => run(ctx, () => catalogue().units()),
  ownerAccounts: (ctx: Ctx) => run(ctx, () => catalogue().ownerAccounts(parse(ownerAccountsQuery, ctx.query, 'query'))),
  categories: (ctx: Ctx) => run(ctx, () => catalogue().categories()),
  createCategory: (ctx: Ctx) => run(ctx, () => catalogue().createCategory(parse(categoryBody, ctx.request.body)), 201),
  updateCategory: (ctx: Ctx) =>
    run(ctx, () => catalogue().updateCategory(id(ctx), parse(categoryPatch, ctx.request.body))),
  holidays: (ctx: Ctx) => run(ctx, () => catalogue().holidays(parse(holidaysQuery, ctx.query, 'query'))),
  addHoliday: (ctx: Ctx) => run(ctx, () => catalogue().addHoliday(parse(holidayBody, ctx.request.body)), 201),
  removeHoliday: (ctx: Ctx) =>
    run(ctx, () => catalogue().removeHoliday(parse(dateText, String(ctx.params.date), 'date'))),
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
  // 代为登记 of an owner without an account: 签收, 处置, 办结 (JSON, or multipart with photosAfter)
  sign: (ctx: Ctx) => run(ctx, () => cases().staffSign(id(ctx), staff(ctx))),
  start: (ctx: Ctx) => run(ctx, () => cases().staffStart(id(ctx), staff(ctx))),
  handle: (ctx: Ctx) =>
    run(ctx, () => {
      const { body, photos } = bodyAndPhotos(ctx, 'photosAfter');
      return cases().staffHandle(id(ctx), staff(ctx), parse(handleBody, body).result, photos);
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
  dutiesTable: (ctx: Ctx) =>
    run(ctx, async () => {
      const q = parse(dutiesQuery, ctx.query, 'query');
      const rows = await getService(strapi, 'dutiesTable').table(q);
      return q.format === 'csv' || q.format === 'xlsx' ? exportTable(ctx, q.format, dutiesExport(q, rows)) : rows;
    }),
  archive: (ctx: Ctx) =>
    run(ctx, () => {
      const { reason } = parse(optionalReasonBody, ctx.request.body);
      return cases().archive(id(ctx), staff(ctx), reason);
    }),
};
