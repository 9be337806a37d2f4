import { actorOf, forbidden, invalid, parse, run, type Ctx } from '@grassroots/kit/server';
import { exportTable } from '@grassroots/kit/export';
import { rankingExport } from '../exports/rankings';
import { getService } from '../get-service';
import type { UploadPart } from '../services/evidence';
import * as v from '../validation';

const id = (ctx: Ctx) => parse(v.documentId, ctx.params.documentId, 'documentId');

/** What the admin's session carries (admin::isAuthenticatedAdmin): the user and their abilities. */
interface AdminState {
  user?: { id: number; email?: string };
  userAbility?: { can(action: string): boolean };
}

export default {
  sheets: (ctx: Ctx) =>
    run(ctx, () => getService(strapi, 'sheets').forCategory(parse(v.categoryQuery, ctx.query).category ?? 'urban')),
  metrics: (ctx: Ctx) => run(ctx, () => getService(strapi, 'metrics').list()),
  create: (ctx: Ctx) =>
    run(ctx, () => getService(strapi, 'assessments').create(parse(v.createBody, ctx.request.body), actorOf(ctx)), 201),
  saveItems: (ctx: Ctx) =>
    run(ctx, () => getService(strapi, 'assessments').saveItems(id(ctx), parse(v.itemsBody, ctx.request.body).items)),
  submit: (ctx: Ctx) => run(ctx, () => getService(strapi, 'assessments').submit(id(ctx), actorOf(ctx))),
  review: (ctx: Ctx) =>
    run(ctx, () => {
      const b = parse(v.reviewBody, ctx.request.body);
      return getService(strapi, 'assessments').review(id(ctx), b.items, actorOf(ctx), b.reason);
    }),
  publicize: (ctx: Ctx) =>
    run(ctx, () =>
      getService(strapi, 'assessments').publicize(
        id(ctx),
        parse(v.publicizeBody, ctx.request.body).endsOn,
        actorOf(ctx),
      ),
    ),
  approve: (ctx: Ctx) => run(ctx, () => getService(strapi, 'assessments').approve(id(ctx), actorOf(ctx))),
  reject: (ctx: Ctx) =>
    run(ctx, () =>
      getService(strapi, 'assessments').reject(id(ctx), parse(v.reasonBody, ctx.request.body).reason, actorOf(ctx)),
    ),
  revoke: (ctx: Ctx) =>
    run(ctx, () =>
      getService(strapi, 'assessments').revoke(id(ctx), parse(v.reasonBody, ctx.request.body).reason, actorOf(ctx)),
    ),
  reopen: (ctx: Ctx) => run(ctx, () => getService(strapi, 'assessments').reopen(id(ctx), actorOf(ctx))),
  suggestions: (ctx: Ctx) => run(ctx, () => getService(strapi, 'assessments').suggestions(id(ctx))),
  scorecard: (ctx: Ctx) =>
    run(ctx, () =>
      getService(strapi, 'scorecard').forBranch(id(ctx), parse(v.scorecardQuery, ctx.query).year, 'staff'),
    ),
  rankings: (ctx: Ctx) =>
    run(ctx, async () => {
      const { format } = parse(v.formatQuery, ctx.query);
      const q = parse(v.rankingQuery, ctx.query);
      if (format === undefined || format === 'json') return getService(strapi, 'rankings').rankings(q);
      const all = await getService(strapi, 'rankings').rankings({ ...q, page: 1, pageSize: 1000 });
      const sheets = getService(strapi, 'sheets');
      const stars = [...(await sheets.forCategory('urban')), ...(await sheets.forCategory('rural'))];
      return exportTable(ctx, format, rankingExport(q.year, all.data, new Map(stars.map((s) => [s.key, s.name]))));
    }),
  dashboard: (ctx: Ctx) =>
    run(ctx, () => getService(strapi, 'rankings').dashboard(parse(v.scorecardQuery, ctx.query).year)),
  /** JSON `{ criterion, file: <media id>, internal?, note? }` or multipart with the same fields and a `file` part. */
  attachEvidence: (ctx: Ctx) =>
    run(
      ctx,
      () => {
        const documentId = id(ctx);
        const body = parse(v.evidenceBody, ctx.request.body);
        const part = (ctx.request.files as { file?: UploadPart | UploadPart[] } | undefined)?.file;
        const state = ctx.state as AdminState;
        if (Array.isArray(part)) throw invalid('file', 'one file per request');
        if (!part && body.file === undefined)
          throw invalid('file', 'required (a media library id or an uploaded file part)');
        if (part && body.file !== undefined)
          throw invalid('file', 'give either a media library id or an uploaded file, not both');
        // Picking an existing file means browsing the Media Library: without its read right an assessor could
        // attach (and so publish on the public scorecard) any file someone else uploaded.
        if (body.file !== undefined && !state.userAbility?.can('plugin::upload.read')) {
          throw forbidden(
            'file: attaching a Media Library file needs the Media Library read permission; upload the file instead',
            'file',
          );
        }
        return getService(strapi, 'evidence').attach(documentId, body, part, state.user);
      },
      201,
    ),
  removeEvidence: (ctx: Ctx) =>
    run(ctx, () =>
      getService(strapi, 'evidence').remove(id(ctx), parse(v.documentId, ctx.params.evidenceId, 'evidenceId')),
    ),
  createRectification: (ctx: Ctx) =>
    run(ctx, () => getService(strapi, 'rectifications').create(parse(v.rectBody, ctx.request.body)), 201),
  closeRectification: (ctx: Ctx) => run(ctx, () => getService(strapi, 'rectifications').close(id(ctx))),
};
