import { isJobRunning, type ImportJobView } from '../../../../shared/io-types';
import type { ImportReport } from '../import/types';
import type { JobRow } from './store';

/** What the page reads of a job whose instance stopped answering (its row no longer moves). */
export const INTERRUPTED =
  '导入中断，请重新上传 (the import was interrupted: its server stopped; upload the file again)';

export type ImportJob = Omit<ImportJobView, 'report'> & { report: ImportReport | null };

/**
 * A job as its owner reads it. A running job whose row has not moved for `staleMs` belongs to an
 * instance that died (a live one writes its progress at least every heartbeat): it reads as failed,
 * decided here at read time so that no job stays "running" forever even if no instance sweeps it.
 * Nothing of such an import was written: its one transaction died with its connection.
 */
export function jobView(row: JobRow, now: Date, staleMs: number): ImportJob {
  const dead = isJobRunning(row.status) && now.getTime() - row.updatedAt.getTime() > staleMs;
  const status = dead ? 'failed' : row.status;
  // The check ends all at once (relations are resolved in batches over the whole file).
  const checked = status === 'committing' || status === 'done';
  return {
    id: row.id,
    type: row.registry,
    status,
    dryRun: row.dryRun,
    progress: { read: row.rowsTotal, validated: checked ? row.rowsTotal : 0, written: row.rowsDone },
    report: dead ? null : row.result,
    error: dead ? INTERRUPTED : row.error,
    startedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: dead ? row.updatedAt.toISOString() : (row.finishedAt?.toISOString() ?? null),
  };
}
