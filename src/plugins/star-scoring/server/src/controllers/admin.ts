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

const access = () => getService(strapi, 'access');
/** The assessment of the route, checked for the caller's organisation and, for review and approval, duties. */
const assessment = async (ctx: Ctx, duty: 'read' | 'assess' | 'review' | 'approve') => {
  const documentId = id(ctx);
  await access().assessment(documentId, duty);
  return documentId;
};

export default {
  sheets: (ctx: Ctx) =>
    run(ctx, () => getService(strapi, 'sheets').forCategory(parse(v.categoryQuery, ctx.query).category ?? 'urban')),
  metrics: (ctx: Ctx) => run(ctx, () => getService(strapi, 'metrics').list()),
  create: (ctx: Ctx) =>
    run(
      ctx,
      async () => {
        const body = parse(v.createBody, ctx.request.body);
        await access().branch(body.branch);
        return getService(strapi, 'assessments').create(body, actorOf(ctx));
      },
      201,
    ),
  saveItems: (ctx: Ctx) =>
    run(ctx, async () => {
      const items = parse(v.itemsBody, ctx.request.body).items;
      return getService(strapi, 'assessments').saveItems(await assessment(ctx, 'assess'), items);
    }),
  submit: (ctx: Ctx) =>
    run(ctx, async () => getService(strapi, 'assessments').submit(await assessment(ctx, 'assess'), actorOf(ctx))),
  review: (ctx: Ctx) =>
    run(ctx, async () => {
      const b = parse(v.reviewBody, ctx.request.body);
      return getService(strapi, 'assessments').review(await assessment(ctx, 'review'), b.items, actorOf(ctx), b.reason);
    }),
  publicize: (ctx: Ctx) =>
    run(ctx, async () => {
      const { endsOn } = parse(v.publicizeBody, ctx.request.body);
      return getService(strapi, 'assessments').publicize(await assessment(ctx, 'review'), endsOn, actorOf(ctx));
    }),
  approve: (ctx: Ctx) =>
    run(ctx, async () => getService(strapi, 'assessments').approve(await assessment(ctx, 'approve'), actorOf(ctx))),
  reject: (ctx: Ctx) =>
    run(ctx, async () => {
      const { reason } = parse(v.reasonBody, ctx.request.body);
      return getService(strapi, 'assessments').reject(await assessment(ctx, 'review'), reason, actorOf(ctx));
    }),
  revoke: (ctx: Ctx) =>
    run(ctx, async () => {
      const { reason } = parse(v.reasonBody, ctx.request.body);
      return getService(strapi, 'assessments').revoke(await assessment(ctx, 'approve'), reason, actorOf(ctx));
    }),
  reopen: (ctx: Ctx) =>
    run(ctx, async () => getService(strapi, 'assessments').reopen(await assessment(ctx, 'assess'), actorOf(ctx))),
  suggestions: (ctx: Ctx) =>
    run(ctx, async () => getService(strapi, 'assessments').suggestions(await assessment(ctx, 'read'))),
  scorecard: (ctx: Ctx) =>
    run(ctx, async () => {
      const branch = id(ctx);
      const { year } = parse(v.scorecardQuery, ctx.query);
      await access().branch(branch);
      return getService(strapi, 'scorecard').forBranch(branch, year, 'staff');
    }),
  rankings: (ctx: Ctx) =>
    run(ctx, async () => {
      const { format } = parse(v.formatQuery, ctx.query);
      const q = parse(v.rankingQuery, ctx.query);
      const scope = await access().scope();
      if (format === undefined || format === 'json') return getService(strapi, 'rankings').rankings(q, scope);
      const all = await getService(strapi, 'rankings').rankings({ ...q, page: 1, pageSize: 1000 }, scope);
      const sheets = getService(strapi, 'sheets');
      const stars = [...(await sheets.forCategory('urban')), ...(await sheets.forCategory('rural'))];
      return exportTable(ctx, format, rankingExport(q.year, all.data, new Map(stars.map((s) => [s.key, s.name]))));
    }),
  dashboard: (ctx: Ctx) =>
    run(ctx, async () => {
      const { year } = parse(v.scorecardQuery, ctx.query);
      return getService(strapi, 'rankings').dashboard(year, await access().scope());
    }),
  /** JSON `{ criterion, file: <media id>, internal?, note? }` or multipart with the same fields and a `file` part. */
  attachEvidence: (ctx: Ctx) =>
    run(
      ctx,
      async () => {
        const body = parse(v.evidenceBody, ctx.request.body);
        const part = (ctx.request.files as { file?: UploadPart | UploadPart[] } | undefined)?.file;
        const state = ctx.state as AdminState;
        if (Array.isArray(part)) throw invalid('file', 'one file per request (每次只能上传一个文件)');
        if (!part && body.file === undefined)
          throw invalid('file', 'required (a media library id or an uploaded file part) (请选择媒体库文件或上传文件)');
        if (part && body.file !== undefined)
          throw invalid(
            'file',
            'give either a media library id or an uploaded file, not both (媒体库文件与上传文件只能选其一)',
          );
        // Picking an existing file means browsing the Media Library: without its read right an assessor could
        // attach (and so publish on the public scorecard) any file someone else uploaded.
        if (body.file !== undefined && !state.userAbility?.can('plugin::upload.read')) {
          throw forbidden(
            'file: attaching a Media Library file needs the Media Library read permission; upload the file instead (无媒体库读取权限，请直接上传文件)',
            'file',
          );
        }
        return getService(strapi, 'evidence').attach(await assessment(ctx, 'assess'), body, part, state.user);
      },
      201,
    ),
  removeEvidence: (ctx: Ctx) =>
    run(ctx, async () => {
      const evidence = parse(v.documentId, ctx.params.evidenceId, 'evidenceId');
      return getService(strapi, 'evidence').remove(await assessment(ctx, 'assess'), evidence);
    }),
  createRectification: (ctx: Ctx) =>
    run(
      ctx,
      async () => {
        const body = parse(v.rectBody, ctx.request.body);
        await access().assessment(body.assessment, 'assess');
        return getService(strapi, 'rectifications').create(body);
      },
      201,
    ),
  closeRectification: (ctx: Ctx) =>
    run(ctx, async () => {
      const task = id(ctx);
      await access().rectification(task);
      return getService(strapi, 'rectifications').close(task);
    }),
};
