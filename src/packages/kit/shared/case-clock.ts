/**
 * 督办 of a grid case: the warning point at 80 % of the time between dispatch and deadline, rounded up
 * to the whole millisecond: now ≥ warningAt ⟺ 5·now ≥ from + 4·due, the SQL form of the rule
 * (grid-cases server/src/sql.ts `clockSql`), so the tick, the 督办台's counts and each case's urgency
 * agree to the millisecond. It lives in the kit, beside GRID_CASES_ON_THE_CLOCK, because the registers'
 * map draws the same urgency and a plugin does not load another plugin's source.
 */
export const warningAt = (dispatchedAt: Date, dueAt: Date): Date =>
  new Date(dispatchedAt.getTime() + Math.ceil((4 * (dueAt.getTime() - dispatchedAt.getTime())) / 5));

export type Urgency = 'ok' | 'warning' | 'overdue';

/** Where a running case stands against its deadline at `now`. */
export function urgency(dispatchedAt: Date, dueAt: Date, now: Date): Urgency {
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  if (now.getTime() >= warningAt(dispatchedAt, dueAt).getTime()) return 'warning';
  return 'ok';
}
