/**
 * The star rule, applied by the server on review and shown live by the assessment form. A veto
 * criterion is all-or-nothing: scored below its maximum it has failed, and a failed veto loses the
 * star whatever the total. Earned = total ≥ threshold and no veto failed.
 */
export interface RuleCriterion {
  code: string;
  maxPoints: number;
  veto: boolean;
}

export function judge(
  criteria: readonly RuleCriterion[],
  scores: Record<string, number | undefined>,
  threshold: number,
) {
  let total = 0;
  let vetoFailed = false;
  for (const c of criteria) {
    const s = scores[c.code] ?? 0;
    total += s;
    if (c.veto && s < c.maxPoints) vetoFailed = true;
  }
  total = Math.round(total * 100) / 100;
  return { total, vetoFailed, passed: total >= threshold && !vetoFailed };
}
