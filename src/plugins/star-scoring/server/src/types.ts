import type { Status } from '../../shared/flow';

export type Category = 'urban' | 'rural';

/** One criterion entry of an assessment's `items` JSON. */
export interface StoredItem {
  code: string;
  self?: number | null;
  review?: number | null;
  evidence?: string;
  internal?: boolean;
}

/** A row of ss_assessments as the Query Engine returns it (decimals may come back as strings). */
export interface AssessmentRow {
  id: number;
  documentId: string;
  branchRef: number;
  parentRef: number | null;
  category: Category;
  year: number;
  starKey: string;
  status: Status;
  items: StoredItem[] | null;
  selfScore: number | string | null;
  reviewedScore: number | string | null;
  vetoFailed: boolean | null;
  passed: boolean | null;
  publicityEndsOn: string | null;
  reason: string | null;
}

export interface TransitionRow {
  id: number;
  assessmentRef: number;
  fromStatus: string | null;
  toStatus: string;
  actor: string | null;
  reason: string | null;
  at: string | Date;
}

export interface RectificationRow {
  id: number;
  documentId: string;
  assessmentRef: number;
  branchRef: number;
  year: number;
  starKey: string;
  criterionCode: string;
  title: string;
  owner: string;
  dueDate: string;
  status: 'open' | 'done';
}

/** The branch fields this plugin reads (api::branch.branch). */
export interface BranchRow {
  id: number;
  documentId: string;
  name: string;
  code: string;
  level: string;
  category: Category | null;
  secretary?: string | null;
  parent?: { id: number } | null;
}

/** The history entry every page shows. */
export const historyOf = (h: TransitionRow) => ({
  from: h.fromStatus,
  to: h.toStatus,
  actor: h.actor,
  reason: h.reason,
  at: h.at,
});

/** Rows of a raw statement: PostgreSQL answers `{ rows }`, SQLite an array. */
export const rowsOf = <T>(res: unknown): T[] => (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
