export type Criterion = { code: string; title: string; maxPoints: number; veto: boolean; department?: string; evidenceRequired?: boolean; metricKey?: string | null };

/**
 * Running totals of the form, the same star rule the server applies (services/rules.ts): an unscored
 * criterion counts 0, a veto criterion below its maximum fails the star whatever the total.
 */
export function runningTotals(criteria: Criterion[], scores: Record<string, number | undefined>, threshold: number) {
  let sum = 0;
  let vetoFailed = false;
  const over: string[] = [];
  for (const c of criteria) {
    const s = scores[c.code] ?? 0;
    sum += s;
    if (s > c.maxPoints) over.push(c.code);
    if (c.veto && s < c.maxPoints) vetoFailed = true;
  }
  sum = Math.round(sum * 100) / 100;
  return { sum, threshold, vetoFailed, over, passed: sum >= threshold && !vetoFailed && over.length === 0 };
}

export const STATUSES = ['draft', 'self_assessed', 'reviewed', 'publicized', 'approved', 'rejected', 'revoked'] as const;
export const currentYear = () => new Date().getFullYear();
/** The campaign years offered in selects: this year and the four before. */
export const years = () => Array.from({ length: 5 }, (_, i) => currentYear() - i);
