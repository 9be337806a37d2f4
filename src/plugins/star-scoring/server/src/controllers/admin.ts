import { stringify } from 'csv-stringify/sync';
import { actorOf, run, svc } from './respond';
import * as v from '../validation';
import { HttpError } from '../services/http-error';

const id = (ctx: any) => v.parse(v.documentId, ctx.params.documentId, 'documentId');

export default {
  sheets: (ctx: any) => run(ctx, async () => svc('sheets').forCategory(v.parse(v.rankingQuery.pick({ category: true }), ctx.query).category ?? 'urban')),
  metrics: (ctx: any) => run(ctx, async () => svc('metrics').list()),
  create: (ctx: any) => run(ctx, async () => svc('assessments').create(v.parse(v.createBody, ctx.request.body), actorOf(ctx)), 201),
  saveItems: (ctx: any) => run(ctx, async () => svc('assessments').saveItems(id(ctx), v.parse(v.itemsBody, ctx.request.body).items)),
  submit: (ctx: any) => run(ctx, async () => svc('assessments').submit(id(ctx), actorOf(ctx))),
  review: (ctx: any) => run(ctx, async () => {
    const b = v.parse(v.reviewBody, ctx.request.body);
    return svc('assessments').review(id(ctx), b.items, actorOf(ctx), b.reason);
  }),
  publicize: (ctx: any) => run(ctx, async () => svc('assessments').publicize(id(ctx), v.parse(v.publicizeBody, ctx.request.body).endsOn, actorOf(ctx))),
  approve: (ctx: any) => run(ctx, async () => svc('assessments').approve(id(ctx), actorOf(ctx))),
  reject: (ctx: any) => run(ctx, async () => svc('assessments').reject(id(ctx), v.parse(v.reasonBody, ctx.request.body).reason, actorOf(ctx))),
  revoke: (ctx: any) => run(ctx, async () => svc('assessments').revoke(id(ctx), v.parse(v.reasonBody, ctx.request.body).reason, actorOf(ctx))),
  reopen: (ctx: any) => run(ctx, async () => svc('assessments').reopen(id(ctx), actorOf(ctx))),
  suggestions: (ctx: any) => run(ctx, async () => svc('assessments').suggestions(id(ctx))),
  scorecard: (ctx: any) => run(ctx, async () => svc('scorecard').forBranch(id(ctx), v.parse(v.scorecardQuery, ctx.query).year, 'staff')),
  rankings: (ctx: any) => run(ctx, async () => {
    const { format, ...rest } = ctx.query ?? {};
    if (format !== undefined && format !== 'csv' && format !== 'json') throw new HttpError(400, 'format: must be json or csv', 'format');
    const q = v.parse(v.rankingQuery, rest);
    if (format !== 'csv') return svc('rankings').rankings(q);
    const all = await svc('rankings').rankings({ ...q, page: 1, pageSize: 1000 });
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="star-ranking-${q.year}.csv"`);
    // BOM so Excel opens the Chinese headers correctly.
    return '\ufeff' + stringify(all.data.map((r: any) => [r.rank, r.branch.code, r.branch.name, r.level, r.stars.join(' '), r.totalPoints]), { header: true, columns: ['排名 rank', '编码 code', '党组织 branch', '星级 level', '所获星 stars', '总分 points'] });
  }),
  dashboard: (ctx: any) => run(ctx, async () => svc('rankings').dashboard(v.parse(v.scorecardQuery, ctx.query).year)),
  /** JSON `{ criterion, file: <media id>, internal?, note? }` or multipart with the same fields and a `file` part. */
  attachEvidence: (ctx: any) => run(ctx, async () => {
    const documentId = id(ctx);
    const body = v.parse(v.evidenceBody, ctx.request.body ?? {});
    const part = ctx.request.files?.file;
    if (Array.isArray(part)) throw new HttpError(400, 'file: one file per request', 'file');
    if (!part && body.file === undefined) throw new HttpError(400, 'file: required (a media library id or an uploaded file part)', 'file');
    if (part && body.file !== undefined) throw new HttpError(400, 'file: give either a media library id or an uploaded file, not both', 'file');
    // Picking an existing file means browsing the Media Library: without its read right an assessor could
    // attach (and so publish on the public scorecard) any file someone else uploaded.
    if (body.file !== undefined && !ctx.state.userAbility?.can('plugin::upload.read')) throw new HttpError(403, 'file: attaching a Media Library file needs the Media Library read permission; upload the file instead', 'file');
    return svc('evidence').attach(documentId, body, part, ctx.state.user);
  }, 201),
  removeEvidence: (ctx: any) => run(ctx, async () => svc('evidence').remove(id(ctx), v.parse(v.documentId, ctx.params.evidenceId, 'evidenceId'))),
  createRectification: (ctx: any) => run(ctx, async () => svc('rectifications').create(v.parse(v.rectBody, ctx.request.body)), 201),
  closeRectification: (ctx: any) => run(ctx, async () => svc('rectifications').close(id(ctx))),
};
