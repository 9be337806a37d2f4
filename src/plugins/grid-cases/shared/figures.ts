/**
 * The shapes and the arithmetic of 三率 (统计) and 代表委员履职: the server computes and exports them,
 * the admin pages show them; one definition for both sides.
 */

/** part / whole to four decimals (a rate of 0 to 1), null when there is nothing to divide by. */
export const ratio = (part: number, whole: number): number | null =>
  whole ? Math.round((part / whole) * 10_000) / 10_000 : null;

/** A rate in percent to one decimal, as the exported sheets hold it (null stays empty). */
export const percent = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);

/** A rate as a page shows it with what it divides: '87.5% (7/8)', or '— (0/0)' when there is nothing to divide. */
export const rateText = (rate: number | null, part: number, whole: number): string =>
  `${rate === null ? '—' : `${(rate * 100).toFixed(1)}%`} (${part}/${whole})`;

/** One group's line of 三率 (GET /grid-cases/figures, services/figures.ts). */
export interface FiguresRow {
  key: string | null;
  name: string | null;
  reported: number;
  accepted: number;
  dispatched: number;
  responded: number;
  archived: number;
  rated: number;
  satisfied: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

/** What a representative's suggestions count (services/duties.ts and the table's columns). */
export interface SuggestionCounts {
  raised: number;
  closed: number;
  rated: number;
  satisfied: number;
}

/** One representative's line of 代表委员履职 (GET /grid-cases/representatives/duties, services/duties-table.ts). */
export interface DutiesRow extends SuggestionCounts {
  documentId: string;
  name: string;
  kind: string;
  grid: { documentId: string; name: string } | null;
  open: number;
  overdue: number;
  closedRate: number | null;
  satisfactionRate: number | null;
}
