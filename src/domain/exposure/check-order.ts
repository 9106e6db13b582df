/**
 * Orders of concentration-check results. Worst first is how a credit approver reads them
 * (breaches, then warnings, each the most used share of its limit first); by subject then rule is
 * the stable order a complete, paged listing needs (a page boundary never moves when a
 * status changes).
 */
import type { Decimal } from '../money/decimal';
import type { CheckStatus } from './limit-check';
import { compareStrings } from './ordering';

const SEVERITY: Record<CheckStatus, number> = { PASS: 0, WARN: 1, BREACH: 2 };

export function checkSeverity(status: CheckStatus): number {
  return SEVERITY[status];
}

export interface OrderedCheck {
  rule: string;
  subjectId: string | null;
  status: CheckStatus;
  utilisation: Decimal;
}

/**
 * Worse status first, then higher utilisation (the share of the limit used, which also orders
 * the warning levels); ties by subject, then rule.
 */
export function compareWorstFirst(a: OrderedCheck, b: OrderedCheck): number {
  return (
    SEVERITY[b.status] - SEVERITY[a.status] ||
    b.utilisation.comparedTo(a.utilisation) ||
    compareBySubjectThenRule(a, b)
  );
}

/** Group-scope checks (no subject) first, then by subject id, then by rule name. */
export function compareBySubjectThenRule(
  a: Pick<OrderedCheck, 'rule' | 'subjectId'>,
  b: Pick<OrderedCheck, 'rule' | 'subjectId'>,
): number {
  if (a.subjectId !== b.subjectId) {
    if (a.subjectId === null) return -1;
    if (b.subjectId === null) return 1;
    return compareStrings(a.subjectId, b.subjectId);
  }
  return compareStrings(a.rule, b.rule);
}
