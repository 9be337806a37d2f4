import { judge } from '../../../shared/rules';

export { STATUSES } from '../../../shared/flow';

export type Criterion = {
  code: string;
  title: string;
  maxPoints: number;
  veto: boolean;
  department?: string;
  evidenceRequired?: boolean;
  metricKey?: string | null;
};

/**
 * Running totals of the form: the star rule the server applies (shared/rules.ts) — an unscored
 * criterion counts 0, a veto criterion below its maximum fails the star whatever the total — plus
 * the criteria scored over their maximum, which the server would refuse.
 */
export function runningTotals(criteria: Criterion[], scores: Record<string, number | undefined>, threshold: number) {
  const verdict = judge(criteria, scores, threshold);
  const over = criteria.filter((c) => (scores[c.code] ?? 0) > c.maxPoints).map((c) => c.code);
  return {
    sum: verdict.total,
    threshold,
    vetoFailed: verdict.vetoFailed,
    over,
    passed: verdict.passed && over.length === 0,
  };
}

export const currentYear = () => new Date().getFullYear();
/** The campaign years offered in selects: this year and the four before. */
export const years = () => Array.from({ length: 5 }, (_, i) => currentYear() - i);
