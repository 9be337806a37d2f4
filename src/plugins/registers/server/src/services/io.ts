import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import { background, notFound, routeScope, type Ctx } from '@grassroots/kit/server';
import { exportTable } from '@grassroots/kit/export';
import { registryOf } from '../io/registries';
import { registryTable } from '../io/export';
import { importFile, type ImportReport } from '../io/import';
import { requireXlsx } from '../io/read';
import { ImportJobs, type ImportJob } from '../io/jobs';

/** Rows above which an import answers 202 and goes on in the background (plugin config). */
const DEFAULT_BACKGROUND_ROWS = 5000;

export type ImportAnswer = { report: ImportReport } | { job: ImportJob };

/** Excel in and out of every registry (一表): templates, scoped exports, checked all-or-nothing imports. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const jobs = new ImportJobs();
  const threshold = () =>
    Number(strapi.plugin('registers').config('importInBackgroundAbove') ?? DEFAULT_BACKGROUND_ROWS);

  return {
    /** The template (`template`) or the caller's rows of a registry, as a streamed XLSX download. */
    async download(ctx: Ctx, type: string, template: boolean) {
      const registry = registryOf(type);
      // The scope is taken now, inside the request: the rows stream out after the controller returned.
      const scope = template ? null : await routeScope(strapi);
      return exportTable(ctx, 'xlsx', registryTable(strapi, registry, scope));
    },

    /**
     * Checks the upload is an XLSX, then imports it. A file of more rows than the threshold answers
     * as soon as the reader passes it: the job goes on in the background (its own copy of the file,
     * since the upload's temp file belongs to the request).
     */
    async import(type: string, path: string, dryRun: boolean, owner: number): Promise<ImportAnswer> {
      const registry = registryOf(type);
      await requireXlsx(path);
      const scope = await routeScope(strapi);
      const dir = await mkdtemp(join(tmpdir(), 'registers-import-'));
      const file = join(dir, 'upload.xlsx');
      await copyFile(path, file);
      const job = jobs.start(type, owner);
      let passed!: () => void;
      const big = new Promise<'big'>((resolve) => {
        passed = () => resolve('big');
      });
      const limit = threshold();
      const work = importFile(strapi, registry, file, {
        dryRun,
        scope,
        onProgress: (p) => {
          job.progress = { ...p };
          if (p.read > limit) passed();
        },
      }).finally(() => rm(dir, { recursive: true, force: true }));
      const small = work.then((report) => ({ report }));
      const first = await Promise.race([small, big]);
      if (first !== 'big') {
        jobs.finish(job, first);
        return first;
      }
      // From here the job's outcome is read from `work` below, not from the race.
      small.catch(() => undefined);
      background(strapi).run('registers-import', async () => {
        try {
          jobs.finish(job, { report: await work });
        } catch (err) {
          jobs.finish(job, { error: (err as Error).message });
        }
      });
      return { job };
    },

    job(id: string, owner: number): ImportJob {
      const job = jobs.get(id, owner);
      if (!job) throw notFound('id', 'import job (导入任务)');
      return job;
    },
  };
};
