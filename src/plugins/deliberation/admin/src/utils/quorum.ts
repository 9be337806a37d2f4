// Mirrors server/src/services/rules.ts so the workspace shows the quorum live while attendance is edited;
// the server recomputes it on save and is the authority.
type Fraction = { type: string; numerator?: number; denominator?: number; strict?: boolean };
export function threshold(f: Fraction, total: number): number {
  if (f.type === 'more_than_half') return Math.floor(total / 2) + 1;
  if (f.type === 'two_thirds') return Math.ceil((total * 2) / 3);
  const exact = (total * (f.numerator ?? 1)) / (f.denominator ?? 2);
  return f.strict ? Math.floor(exact) + 1 : Math.ceil(exact);
}
export function liveQuorum(rule: any, members: number, attendance: Array<{ status: string }>) {
  const needed = threshold(rule?.quorum ?? { type: 'more_than_half' }, members);
  const present = attendance.filter((a) => a.status === 'present').length;
  return { needed, present, met: members > 0 && present >= needed };
}
