import { randomUUID } from 'node:crypto';
import type { ImportReport, Progress } from './import/types';

/** A big import running after its request answered 202: who started it, how far it is, what it found. */
export interface ImportJob {
  id: string;
  type: string;
  /** the administrator who started it: only they read it */
  owner: number;
  status: 'running' | 'done' | 'failed';
  progress: Progress;
  report: ImportReport | null;
  /** a refusal of the whole file (status 400/403…) or an unexpected failure, in the report's words */
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** Finished jobs are kept this long for the page to read their report. */
const KEEP_MS = 60 * 60 * 1000;

/**
 * The jobs of this instance (the upload and its transaction run here, so its progress is here
 * too). Kept in memory: a job is minutes long and its report is read once by the page polling it.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  start(type: string, owner: number): ImportJob {
    this.prune();
    const job: ImportJob = {
      id: randomUUID(),
      type,
      owner,
      status: 'running',
      progress: { read: 0, validated: 0, written: 0 },
      report: null,
      error: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    return job;
  }

  finish(job: ImportJob, outcome: { report: ImportReport } | { error: string }): void {
    job.status = 'report' in outcome ? 'done' : 'failed';
    job.report = 'report' in outcome ? outcome.report : null;
    job.error = 'error' in outcome ? outcome.error : null;
    job.finishedAt = new Date().toISOString();
  }

  /** The job if this administrator started it (someone else's job is as good as absent). */
  get(id: string, owner: number): ImportJob | undefined {
    const job = this.jobs.get(id);
    return job && job.owner === owner ? job : undefined;
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs)
      if (job.finishedAt && now - Date.parse(job.finishedAt) > KEEP_MS) this.jobs.delete(id);
  }
}
