import type { Core } from '@strapi/strapi';
import { columnOf, documentColumns, knexOf, readDate, readJson, tableOf } from '@grassroots/kit/server';
import { RUNNING_JOB_STATUSES, type ImportJobStatus } from '../../../../shared/io-types';
import { IMPORT_JOB } from '../../uids';
import type { ImportReport } from '../import/types';

/** A row of `rg_import_jobs` as the code sees it. */
export interface JobRow {
  id: string;
  registry: string;
  ownerId: number;
  scope: string;
  status: ImportJobStatus;
  dryRun: boolean;
  rowsTotal: number;
  rowsDone: number;
  result: ImportReport | null;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export type NewJob = Pick<JobRow, 'registry' | 'ownerId' | 'scope' | 'dryRun' | 'rowsTotal'>;
export type JobChange = Partial<Pick<JobRow, 'status' | 'rowsTotal' | 'rowsDone' | 'result' | 'error' | 'finishedAt'>>;

type Attribute =
  | 'documentId'
  | 'registry'
  | 'ownerId'
  | 'scope'
  | 'status'
  | 'dryRun'
  | 'rowsTotal'
  | 'rowsDone'
  | 'result'
  | 'error'
  | 'finishedAt'
  | 'createdAt'
  | 'updatedAt';

/**
 * The job table through knex on the pool, never through the Query Engine: a query of the Query
 * Engine issued inside the import's transaction joins that transaction, and progress must be seen by
 * other instances while the transaction is still open. On PostgreSQL a write here takes another
 * connection of the pool; on SQLite (one connection) the caller must not write here while the
 * import's transaction holds it (see `LocalJobs`).
 */
export function jobStore(strapi: Core.Strapi) {
  const table = () => tableOf(strapi, IMPORT_JOB);
  const col = (a: Attribute) => columnOf(strapi, IMPORT_JOB, a);
  const knex = () => knexOf(strapi);

  const toColumns = (change: JobChange, now: Date): Record<string, unknown> => {
    const out: Record<string, unknown> = { [col('updatedAt')]: now };
    if (change.status !== undefined) out[col('status')] = change.status;
    if (change.rowsTotal !== undefined) out[col('rowsTotal')] = change.rowsTotal;
    if (change.rowsDone !== undefined) out[col('rowsDone')] = change.rowsDone;
    // JSON as text: node-postgres would send a JS array as a PostgreSQL array, not as JSON.
    if (change.result !== undefined) out[col('result')] = change.result && JSON.stringify(change.result);
    if (change.error !== undefined) out[col('error')] = change.error;
    if (change.finishedAt !== undefined) out[col('finishedAt')] = change.finishedAt;
    return out;
  };

  const fromColumns = (r: Record<string, unknown>): JobRow => ({
    id: String(r[col('documentId')]),
    registry: String(r[col('registry')]),
    ownerId: Number(r[col('ownerId')]),
    scope: String(r[col('scope')]),
    status: r[col('status')] as ImportJobStatus,
    // SQLite gives 0/1
    dryRun: Boolean(r[col('dryRun')]),
    rowsTotal: Number(r[col('rowsTotal')] ?? 0),
    rowsDone: Number(r[col('rowsDone')] ?? 0),
    result: r[col('result')] == null ? null : readJson<ImportReport>(r[col('result')]),
    error: (r[col('error')] as string | null) ?? null,
    createdAt: readDate(r[col('createdAt')]) as Date,
    updatedAt: readDate(r[col('updatedAt')]) as Date,
    finishedAt: readDate(r[col('finishedAt')]),
  });

  return {
    /** A new job, `queued`. */
    async create(job: NewJob): Promise<JobRow> {
      const now = new Date();
      const base = documentColumns(now);
      await knex()(table()).insert({
        ...base,
        [col('registry')]: job.registry,
        [col('ownerId')]: job.ownerId,
        [col('scope')]: job.scope,
        [col('status')]: 'queued',
        [col('dryRun')]: job.dryRun,
        [col('rowsTotal')]: job.rowsTotal,
        [col('rowsDone')]: 0,
      });
      return {
        ...job,
        id: base.document_id,
        status: 'queued',
        rowsDone: 0,
        result: null,
        error: null,
        createdAt: now,
        updatedAt: now,
        finishedAt: null,
      };
    },

    /** Writes a change (and `updatedAt`, the job's heartbeat). */
    async update(id: string, change: JobChange): Promise<void> {
      await knex()(table()).where(col('documentId'), id).update(toColumns(change, new Date()));
    },

    async find(id: string): Promise<JobRow | undefined> {
      const row = (await knex()(table()).where(col('documentId'), id).first()) as Record<string, unknown> | undefined;
      return row && fromColumns(row);
    },

    /** Marks failed every running job last heard of before `before` (all of them when `before` is null). */
    async fail(before: Date | null, error: string): Promise<number> {
      const now = new Date();
      const q = knex()(table()).whereIn(col('status'), [...RUNNING_JOB_STATUSES]);
      if (before) q.where(col('updatedAt'), '<', before);
      return q.update({ ...toColumns({ status: 'failed', error, finishedAt: now }, now) });
    },

    /** Deletes the jobs finished (or last heard of, for a job that never finished) before `before`. */
    async purge(before: Date): Promise<number> {
      return knex()(table())
        .where((q) => q.whereNotNull(col('finishedAt')).where(col('finishedAt'), '<', before))
        .orWhere((q) => q.whereNull(col('finishedAt')).where(col('updatedAt'), '<', before))
        .delete();
    },
  };
}

export type JobStore = ReturnType<typeof jobStore>;
