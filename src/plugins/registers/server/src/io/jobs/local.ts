import type { Core } from '@strapi/strapi';
import { background, dialectOf } from '@grassroots/kit/server';
import { IMPORT_JOB_STATUSES, type ImportJobStatus } from '../../../../shared/io-types';
import type { ImportReport, Progress } from '../import/types';
import type { JobChange, JobRow, JobStore, NewJob } from './store';
import { jobView, type ImportJob } from './view';

/** Progress is written at most this often … */
const FLUSH_MS = 1000;
/** … and the row is touched at least this often while nothing moves (the heartbeat other instances judge by). */
const HEARTBEAT_MS = 15_000;

/**
 * A job this instance runs. Its progress changes in memory (the import's callbacks are synchronous)
 * and reaches the row through one chain of writes, so that a late progress write never lands after
 * the final one. On SQLite nothing is written while the status is `committing`: the import's
 * transaction holds the one connection and a write would wait for it (SQLite is one instance, and
 * polls read this memory); the row is written at the phase boundaries around it.
 */
export class LocalJob {
  private writes: Promise<void> = Promise.resolve();
  private flushed = { rowsTotal: -1, rowsDone: -1, at: 0 };
  private stopFlushing: () => void = () => undefined;

  constructor(
    private row: JobRow,
    private readonly store: JobStore,
    private readonly holdsConnection: () => boolean,
  ) {}

  get id(): string {
    return this.row.id;
  }

  get ownerId(): number {
    return this.row.ownerId;
  }

  startFlushing(strapi: Core.Strapi): void {
    this.stopFlushing = background(strapi).every('registers-import-progress', FLUSH_MS, () => this.flush());
  }

  progress(p: Progress): void {
    this.row = { ...this.row, rowsTotal: p.read, rowsDone: p.written };
  }

  /**
   * A phase boundary: written now (and awaited, so that on SQLite it is in before a transaction
   * begins). Never backwards: the background's `validating` may come after the commit's start.
   */
  enter(status: ImportJobStatus): Promise<void> {
    if (IMPORT_JOB_STATUSES.indexOf(status) <= IMPORT_JOB_STATUSES.indexOf(this.row.status)) return this.writes;
    this.row = { ...this.row, status };
    return this.write({ status, rowsTotal: this.row.rowsTotal, rowsDone: this.row.rowsDone });
  }

  finish(outcome: { report: ImportReport } | { error: string }): Promise<void> {
    this.stopFlushing();
    const now = new Date();
    const change: JobChange =
      'report' in outcome
        ? { status: 'done', result: outcome.report, error: null, finishedAt: now }
        : { status: 'failed', result: null, error: outcome.error, finishedAt: now };
    this.row = { ...this.row, ...change };
    return this.write({ ...change, rowsTotal: this.row.rowsTotal, rowsDone: this.row.rowsDone });
  }

  /** As the owner reads it: this instance's memory is ahead of the row, and alive by definition. */
  view(): ImportJob {
    return jobView(this.row, new Date(), Infinity);
  }

  private flush(): Promise<void> {
    if (this.row.status === 'committing' && this.holdsConnection()) return Promise.resolve();
    const { rowsTotal, rowsDone } = this.row;
    const moved = rowsTotal !== this.flushed.rowsTotal || rowsDone !== this.flushed.rowsDone;
    if (!moved && Date.now() - this.flushed.at < HEARTBEAT_MS) return Promise.resolve();
    return this.write({ rowsTotal, rowsDone });
  }

  private write(change: JobChange): Promise<void> {
    const next = this.writes.then(async () => {
      await this.store.update(this.row.id, change);
      this.row = { ...this.row, updatedAt: new Date() };
      this.flushed = {
        rowsTotal: change.rowsTotal ?? this.flushed.rowsTotal,
        rowsDone: change.rowsDone ?? this.flushed.rowsDone,
        at: Date.now(),
      };
    });
    // One failed write (a lost connection) must not stop the later ones from being tried.
    this.writes = next.catch(() => undefined);
    return next;
  }
}

/** The jobs running on this instance, by id. */
export class LocalJobs {
  private readonly jobs = new Map<string, LocalJob>();

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly store: JobStore,
  ) {}

  async start(job: NewJob): Promise<LocalJob> {
    const row = await this.store.create(job);
    // SQLite: the pool is the one connection, held by the import's transaction while it commits.
    const local = new LocalJob(row, this.store, () => dialectOf(this.strapi) === 'sqlite');
    this.jobs.set(row.id, local);
    local.startFlushing(this.strapi);
    return local;
  }

  get(id: string): LocalJob | undefined {
    return this.jobs.get(id);
  }

  async finish(job: LocalJob, outcome: { report: ImportReport } | { error: string }): Promise<void> {
    try {
      await job.finish(outcome);
    } finally {
      this.jobs.delete(job.id);
    }
  }
}
