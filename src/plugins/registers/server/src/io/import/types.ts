import type { Stored } from '../cells';

/** One refusal of the report: the Excel row, the Chinese header of the column, what is wrong (Chinese). */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface ImportReport {
  /** data rows read (the header not counted) */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  /** true when nothing was written because it was asked (`dryRun`) or because a row was refused */
  dryRun: boolean;
  committed: boolean;
}

export interface Progress {
  read: number;
  validated: number;
  written: number;
}

/** A masked personal cell: keep the stored value (the masked text, to check it belongs to that value). */
export type Value = Stored | { keep: string };
export const isKeep = (v: Value | undefined): v is { keep: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'keep' in v;

/** A data row of the file, its cells parsed by column path. */
export interface FileRow {
  row: number;
  values: Record<string, Value>;
  failed: boolean;
}
