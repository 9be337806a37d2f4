import { invalid, parse, run, type Ctx } from '@grassroots/kit/server';
import { getService } from '../get-service';
import { exportQuery, importQuery, jobParams, typeParams } from '../validation/io';

const io = () => getService(strapi, 'io');
const adminId = (ctx: Ctx) => (ctx.state.user as { id: number }).id;

/** The upload's temp file (multipart field `file`), as the body parser left it on disk. */
function uploaded(ctx: Ctx): string {
  const part = (ctx.request as { files?: Record<string, unknown> }).files?.file;
  const one = (Array.isArray(part) ? part[0] : part) as { filepath?: unknown } | undefined;
  if (typeof one?.filepath !== 'string')
    throw invalid('file', 'is required: an .xlsx file in the multipart field `file` (请选择 Excel 文件)');
  return one.filepath;
}

/** Excel in and out (RBAC `export` / `import`; rows within the caller's organisation). */
export default {
  download: (ctx: Ctx) =>
    run(ctx, () => {
      const { type } = parse(typeParams, ctx.params, 'type');
      const { template } = parse(exportQuery, ctx.query, 'query');
      return io().download(ctx, type, template);
    }),
  import: async (ctx: Ctx) => {
    let status = 200;
    await run(
      ctx,
      async () => {
        const { type } = parse(typeParams, ctx.params, 'type');
        const { dryRun } = parse(importQuery, ctx.query, 'query');
        const answer = await io().import(type, uploaded(ctx), dryRun, adminId(ctx));
        if ('job' in answer) {
          status = 202;
          return answer.job;
        }
        return answer.report;
      },
      // run() sets the status after the body: a big file's 202 is known only once the reader passed the threshold.
      200,
    );
    if (ctx.status === 200) ctx.status = status;
  },
  job: (ctx: Ctx) =>
    run(ctx, () => {
      const { id } = parse(jobParams, ctx.params, 'id');
      return io().job(id, adminId(ctx));
    }),
};
