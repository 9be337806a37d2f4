import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import { background, dialectOf, notFound, routeScope, type Ctx, type RouteScope } from '@grassroots/kit/server';
import { exportTable } from '@grassroots/kit/export';
import { registryOf } from '../io/registries';
import { registryTable } from '../io/export';
import { importFile, type ImportReport } from '../io/import';
import { requireXlsx } from '../io/read';
import { jobStore } from '../io/jobs/store';
import { LocalJobs, type LocalJob } from '../io/jobs/local';
import { INTERRUPTED, jobView, type ImportJob } from '../io/jobs/view';

/** Plugin config defaults: rows above which an import is a job; when a silent job is dead; how long jobs are kept. */
const DEFAULTS = { importInBackgroundAbove: 5000, importJobStaleMinutes: 5, importJobKeepDays: 7 };
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export type ImportAnswer = { report: ImportReport } | { job: ImportJob };

/** How the job row records the caller's organisation (the rows it may touch). */
const scopeText = (scope: RouteScope): string =>
  'all' in scope ? 'all' : 'none' in scope ? 'none' : `${scope.column}:${scope.node}`;

/** Excel in and out of every registry (一表): templates, scoped exports, checked all-or-nothing imports. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = jobStore(strapi);
  const jobs = new LocalJobs(strapi, store);
  const config = (key: keyof typeof DEFAULTS): number =>
    Number(strapi.plugin('registers').config(key) ?? DEFAULTS[key]);
  const staleMs = () => config('importJobStaleMinutes') * MINUTE;
  const purge = () => store.purge(new Date(Date.now() - config('importJobKeepDays') * DAY));

  /** A job another instance runs (or ran): its row, judged stale or not now. */
  async function stored(id: string, owner: number): Promise<ImportJob | undefined> {
    const row = await store.find(id);
    return row && row.ownerId === owner ? jobView(row, new Date(), staleMs()) : undefined;
  }

  /** Runs the rest of a big import as its job; the job's row says how it ended, whatever happens. */
  function finishInBackground(job: LocalJob, work: Promise<ImportReport>): void {
    background(strapi).run('registers-import', async () => {
      await job.enter('validating');
      let outcome: { report: ImportReport } | { error: string };
      try {
        outcome = { report: await work };
      } catch (err) {
        outcome = { error: (err as Error).message };
      }
      await jobs.finish(job, outcome);
    });
  }

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
     * as soon as the reader passes it, with its job (a row in `rg_import_jobs`, so that any instance
     * answers its polls): the import goes on in the background, on its own copy of the file (the
     * upload's temp file belongs to the request).
     */
    async import(type: string, path: string, dryRun: boolean, owner: number): Promise<ImportAnswer> {
      const registry = registryOf(type);
      await requireXlsx(path);
      const scope = await routeScope(strapi);
      const dir = await mkdtemp(join(tmpdir(), 'registers-import-'));
      const file = join(dir, 'upload.xlsx');
      await copyFile(path, file);
      const limit = config('importInBackgroundAbove');
      // Made once, when the reader passes the threshold; the commit waits for it (SQLite: its row
      // must be in before the import's transaction takes the one connection).
      let promoted: Promise<LocalJob> | undefined;
      let passed!: () => void;
      const big = new Promise<'big'>((resolve) => {
        passed = () => resolve('big');
      });
      const work = importFile(strapi, registry, file, {
        dryRun,
        scope,
        onProgress: (p) => {
          if (!promoted && p.read > limit) {
            promoted = purge().then(() =>
              jobs.start({ registry: type, ownerId: owner, scope: scopeText(scope), dryRun, rowsTotal: p.read }),
            );
            passed();
          }
          void promoted?.then(
            (job) => job.progress(p),
            () => undefined,
          );
        },
        beforeCommit: async () => {
          if (promoted) await (await promoted).enter('committing');
        },
      }).finally(() => rm(dir, { recursive: true, force: true }));
      const first = await Promise.race([work.then((report) => ({ report })), big]);
      if (first !== 'big') return first;
      // From here the outcome is read from `work` by the job; a failure to make the job fails the request.
      work.catch(() => undefined);
      const job = await promoted!;
      const queued = job.view();
      finishInBackground(job, work);
      return { job: queued };
    },

    /** A job's progress and report, for the administrator who started it only (anyone else: 404). */
    async job(id: string, owner: number): Promise<ImportJob> {
      const local = jobs.get(id);
      const view = local ? (local.ownerId === owner ? local.view() : undefined) : await stored(id, owner);
      if (!view) throw notFound('id', 'import job (导入任务)');
      return view;
    },

    /**
     * At boot: the jobs of a dead instance read as failed. On SQLite (one instance) every running job
     * is dead; on PostgreSQL only those silent for longer than the stale time (another instance may
     * be running the others). Old jobs are purged.
     */
    async recover(): Promise<void> {
      const sqlite = dialectOf(strapi) === 'sqlite';
      await store.fail(sqlite ? null : new Date(Date.now() - staleMs()), INTERRUPTED);
      await purge();
    },
  };
};
