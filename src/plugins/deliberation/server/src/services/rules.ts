/** Quorum and vote maths: pure functions over a council's rule (data, not constants). */
export type Fraction = { type: 'more_than_half' } | { type: 'two_thirds' } | { type: 'fraction'; numerator: number; denominator: number; strict?: boolean };
export type CouncilRule = { quorum: Fraction; vote: Fraction & { base?: 'present' | 'members' } };
export type Votes = { for: number; against: number; abstain: number };

export const DEFAULT_RULE: CouncilRule = { quorum: { type: 'more_than_half' }, vote: { type: 'more_than_half', base: 'present' } };

/** The smallest count that satisfies the fraction of `total`. "More than half" of 10 is 6, of 9 is 5. */
export function threshold(f: Fraction, total: number): number {
  if (f.type === 'more_than_half') return Math.floor(total / 2) + 1;
  if (f.type === 'two_thirds') return Math.ceil((total * 2) / 3);
  const exact = (total * f.numerator) / f.denominator;
  return f.strict ? Math.floor(exact) + 1 : Math.ceil(exact);
}

export type Attendance = { memberKey: string; status: 'present' | 'absent' | 'excused'; delegate?: string };

/** Delegates count as present: the member sent someone with a mandate. */
export function presentCount(attendance: Attendance[] = []): number {
  return attendance.filter((a) => a.status === 'present').length;
}

export function quorum(rule: CouncilRule, memberCount: number, attendance: Attendance[] = []) {
  const needed = threshold(rule.quorum ?? DEFAULT_RULE.quorum, memberCount);
  const present = presentCount(attendance);
  return { members: memberCount, present, needed, met: memberCount > 0 && present >= needed };
}

/** A decision passes when votes for reach the council's vote threshold over present members (or all members). */
export function passed(rule: CouncilRule, votes: Votes, memberCount: number, present: number): boolean {
  const vote = rule.vote ?? DEFAULT_RULE.vote;
  const base = vote.base === 'members' ? memberCount : present;
  return base > 0 && votes.for >= threshold(vote, base);
}

/** Overdue is computed, never stored: not yet done and the due date is before today. */
export function isOverdue(item: { status: string; dueDate: string | null }, today = new Date().toISOString().slice(0, 10)): boolean {
  return !!item.dueDate && (item.status === 'open' || item.status === 'in_progress') && item.dueDate < today;
}
