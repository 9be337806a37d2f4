import { parse, run, type Ctx } from '@grassroots/kit/server';
import { exportTable } from '@grassroots/kit/export';
import { summaryExport } from '../exports/summary';
import { getService } from '../get-service';
import { listParams, listQuery, revealBody, revealLogParams, sheetParams, summaryQuery } from '../validation';

/** The registers' staff routes: thin — parse, call one service, answer (scope is checked in the services). */
export default {
  list: (ctx: Ctx) =>
    run(ctx, () => {
      const { type } = parse(listParams, ctx.params, 'type');
      return getService(strapi, 'lists').list(type, parse(listQuery, ctx.query, 'query'));
    }),
  reveal: (ctx: Ctx) => run(ctx, () => getService(strapi, 'reveal').reveal(parse(revealBody, ctx.request.body))),
  revealLog: (ctx: Ctx) =>
    run(ctx, () => {
      const p = parse(revealLogParams, ctx.params, 'type');
      return getService(strapi, 'reveal').log(p.type, p.documentId);
    }),
  sheet: (ctx: Ctx) =>
    run(ctx, () => getService(strapi, 'sheet').grid(parse(sheetParams, ctx.params, 'gridDocumentId').gridDocumentId)),
  summary: (ctx: Ctx) =>
    run(ctx, async () => {
      const q = parse(summaryQuery, ctx.query, 'query');
      const rows = await getService(strapi, 'sheet').summary(q.branch);
      return q.format ? exportTable(ctx, q.format, summaryExport(rows)) : rows;
    }),
};
