/**
 * The registries Excel reads and writes (`/registers/export/:type`, `/registers/import/:type`), in
 * the order their relations need them imported, with the content type each fills (its name comes
 * from the kit's labels).
 */
export const REGISTRY_UIDS = {
  branch: 'api::branch.branch',
  grid: 'api::grid.grid',
  compound: 'api::compound.compound',
  representative: 'api::representative.representative',
  unit: 'plugin::double-report.unit',
  member: 'plugin::double-report.member',
  building: 'plugin::registers.building',
  house: 'plugin::registers.house',
  resident: 'plugin::registers.resident',
  rental: 'plugin::registers.rental',
  shop: 'plugin::registers.shop',
  firm: 'plugin::registers.firm',
} as const;

export type RegistryType = keyof typeof REGISTRY_UIDS;
export const REGISTRY_TYPES = Object.keys(REGISTRY_UIDS) as RegistryType[];

/** An import's answer: the report (200), or the job of a big file (202) that the page polls. */
export interface ImportProgress {
  read: number;
  validated: number;
  written: number;
}
export interface ImportReportView {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: Array<{ row: number; column: string; message: string }>;
  dryRun: boolean;
  committed: boolean;
}
/**
 * A background import's life: `queued` (its row made, the 202 sent), `validating` (reading and checking
 * the file), `committing` (the one write transaction), then `done` (a report, committed or not) or
 * `failed` (the whole file refused, an unexpected error, or its instance died).
 */
export const IMPORT_JOB_STATUSES = ['queued', 'validating', 'committing', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];
/** The statuses of a job still running: the page polls them, the store sweeps them when their instance died. */
export const RUNNING_JOB_STATUSES: readonly ImportJobStatus[] = ['queued', 'validating', 'committing'];
export const isJobRunning = (status: ImportJobStatus): boolean => RUNNING_JOB_STATUSES.includes(status);

export interface ImportJobView {
  id: string;
  type: string;
  status: ImportJobStatus;
  dryRun: boolean;
  progress: ImportProgress;
  report: ImportReportView | null;
  error: string | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}
