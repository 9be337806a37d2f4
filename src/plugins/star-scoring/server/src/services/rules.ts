/**
 * The star rule. A veto criterion is an all-or-nothing check: scored below its maximum it has failed,
 * and a failed veto loses the star whatever the total. Earned = total ≥ threshold and no veto failed.
 */
export function judge(criteria: { code: string; maxPoints: number; veto: boolean }[], scores: Record<string, number>, threshold: number) {
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

/** Allowed transitions: from → to, with the admin action that may perform it. */
export const FLOW: Record<string, { from: string[]; action: 'assess' | 'review' | 'approve' }> = {
  self_assessed: { from: ['draft'], action: 'assess' },
  reviewed: { from: ['self_assessed'], action: 'review' },
  publicized: { from: ['reviewed'], action: 'review' },
  approved: { from: ['publicized'], action: 'approve' },
  rejected: { from: ['self_assessed', 'reviewed', 'publicized'], action: 'review' },
  revoked: { from: ['approved'], action: 'approve' },
  draft: { from: ['rejected'], action: 'assess' },
};
