/** Quorum, vote and overdue maths: pure functions over a council's rule (data, not constants). */
export type Fraction =
  | { type: 'more_than_half' }
  | { type: 'two_thirds' }
  | { type: 'fraction'; numerator: number; denominator: number; strict?: boolean };
export type VoteRule = Fraction & { base?: 'present' | 'members' };
export interface CouncilRule {
  quorum: Fraction;
  vote: VoteRule;
}
export interface Votes {
  for: number;
  against: number;
  abstain: number;
}
export type Presence = 'present' | 'absent' | 'excused';
export interface Attendance {
  memberKey: string;
  status: Presence;
  delegate?: string;
}
export interface Quorum {
  members: number;
  present: number;
  needed: number;
  met: boolean;
}

export const DEFAULT_RULE: CouncilRule = {
  quorum: { type: 'more_than_half' },
  vote: { type: 'more_than_half', base: 'present' },
};

/** The smallest count that satisfies the fraction of `total`. "More than half" of 10 is 6, of 9 is 5. */
export function threshold(f: Fraction, total: number): number {
  if (f.type === 'more_than_half') return Math.floor(total / 2) + 1;
  if (f.type === 'two_thirds') return Math.ceil((total * 2) / 3);
  const exact = (total * f.numerator) / f.denominator;
  return f.strict ? Math.floor(exact) + 1 : Math.ceil(exact);
}

/** Delegates count as present: the member sent someone with a mandate. */
export function presentCount(attendance: ReadonlyArray<{ status: string }> = []): number {
  return attendance.filter((a) => a.status === 'present').length;
}

/** Quorum of a meeting; a council without members never has one. The rule may be missing (old councils): the default applies. */
export function quorum(
  rule: Partial<CouncilRule> | null | undefined,
  memberCount: number,
  attendance: ReadonlyArray<{ status: string }> = [],
): Quorum {
  const needed = threshold(rule?.quorum ?? DEFAULT_RULE.quorum, memberCount);
  const present = presentCount(attendance);
  return { members: memberCount, present, needed, met: memberCount > 0 && present >= needed };
}

/** A decision passes when votes for reach the council's vote threshold over present members (or all members). */
export function passed(
  rule: Partial<CouncilRule> | null | undefined,
  votes: Votes,
  memberCount: number,
  present: number,
): boolean {
  const vote = rule?.vote ?? DEFAULT_RULE.vote;
  const base = vote.base === 'members' ? memberCount : present;
  return base > 0 && votes.for >= threshold(vote, base);
}

/** Votes cast (for, against, abstain) may not exceed the members present. */
export const votesCast = (votes: Votes): number => votes.for + votes.against + votes.abstain;

/** Today as the server and the pages compare due dates: the UTC calendar day. */
export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);

/** Action-item states that still count as work to do (and can be overdue). */
export const PENDING_ITEMS = ['open', 'in_progress'] as const;

/** Overdue is computed, never stored: not yet done and the due date is before today. */
export function isOverdue(item: { status: string; dueDate: string | null | undefined }, today = todayUtc()): boolean {
  return (
    !!item.dueDate && (PENDING_ITEMS as readonly string[]).includes(item.status) && item.dueDate.slice(0, 10) < today
  );
}
