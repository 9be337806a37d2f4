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
export interface ImportJobView {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: ImportProgress;
  report: ImportReportView | null;
  error: string | null;
}
