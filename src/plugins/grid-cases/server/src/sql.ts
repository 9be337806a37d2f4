import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { dialectOf, epochMsIn, type Dialect } from '@grassroots/kit/server';
import { SATISFIED, shanghaiPeriod } from '../../shared';

/** A SQL condition and its bindings, for `whereRaw` or the kit's `countWhen`. */
export interface SqlCondition {
  sql: string;
  bindings: number[];
}

/**
 * 督办's clock in SQL over the case rows under `alias` (dispatched_at → due_at): the rule of `urgency()`
 * in shared/calendar.ts, so that the 督办台's per-owner counts, the automatic tick's choice of cases and
 * the urgency shown on each case never disagree (tests/grid-cases/clock.unit.test.ts holds them
 * together on both databases). The dates are compared as epoch milliseconds (the kit's `epochMs`):
 * - overdue: now > due;
 * - warning: not overdue and now ≥ from + 0.8 × (due − from), written 5·now ≥ from + 4·due so that
 *   both databases compare whole numbers (`warningAt` rounds up to the same millisecond).
 */
export function caseClockIn(dialect: Dialect, alias = 'c') {
  const due = epochMsIn(dialect, `${alias}.due_at`);
  const from = epochMsIn(dialect, `${alias}.dispatched_at`);
  return {
    overdue: (now: Date): SqlCondition => ({ sql: `${due} < ?`, bindings: [now.getTime()] }),
    warning: (now: Date): SqlCondition => ({
      sql: `${due} >= ? AND ? >= ${from} + 4 * ${due}`,
      bindings: [now.getTime(), 5 * now.getTime()],
    }),
  };
}

/** The clock of the case rows under `alias`, on this application's database. */
export const caseClock = (strapi: Core.Strapi, alias = 'c') => caseClockIn(dialectOf(strapi), alias);

/** `column IN (…)` over a list from shared/flow.ts (constants from code, never input). */
export const inList = (column: string, values: readonly string[]): string =>
  `${column} IN (${values.map((v) => `'${v}'`).join(', ')})`;

/** 满意率's numerator, one rule for every count: rated satisfied or basically satisfied. */
export const satisfiedSql = (alias = 'c'): string => inList(`${alias}.satisfaction`, SATISFIED);

/** The cases reported in a period of Shanghai dates (either end may be open), over the reported_at indexes. */
export function reportedIn(query: Knex.QueryBuilder, period: { from?: string; to?: string }, alias = 'c') {
  const { start, end } = shanghaiPeriod(period.from, period.to);
  if (start) query.where(`${alias}.reported_at`, '>=', start);
  if (end) query.where(`${alias}.reported_at`, '<', end);
  return query;
}
