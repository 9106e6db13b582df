/**
 * Control-rule policy (DESIGN §3): the thresholds and switches a bank tunes, versioned
 * with the rest of the policy. Defaults follow the CBRC 集团客户 guideline and the CBIRC
 * 2018 large-exposure rules.
 */
import { RuleCode, RULE_CODES } from '../control/types';
import { ValidationError } from '../errors';
import { dec } from '../money/decimal';

export type { RuleCode } from '../control/types';

export interface ControlPolicy {
  /** Control needs strictly more than this percentage ('50'). */
  majorityThresholdPct: string;
  /** R5: how many of chairman / general manager / CFO must be appointed. */
  keyExecutivesRequired: number;
  /** Lineal kin up to this many generations: 2 = grandparents and grandchildren. */
  linealKinshipMaxDistance: number;
  /** Collateral kin whose shared ancestor is at most this many generations up: 1 = siblings. */
  collateralKinshipMaxDistance: number;
  /** E1: control by a STATE body does not join its companies into one group. */
  stateExemption: boolean;
  /** R3: pool a person with his own close relatives. */
  poolFamilies: boolean;
  /** R3: pool a party with its acting-in-concert partners. */
  poolActingInConcert: boolean;
  disabledRules: RuleCode[];
}

export const DEFAULT_CONTROL_POLICY: ControlPolicy = Object.freeze({
  majorityThresholdPct: '50',
  keyExecutivesRequired: 1,
  linealKinshipMaxDistance: 2,
  collateralKinshipMaxDistance: 1,
  stateExemption: true,
  poolFamilies: true,
  poolActingInConcert: true,
  disabledRules: Object.freeze([]) as unknown as RuleCode[],
});

/** Rejects a policy the engine cannot apply, naming every bad field. */
export function assertValidControlPolicy(policy: ControlPolicy): void {
  const problems: string[] = [];
  const threshold = /^\d+(\.\d+)?$/.test(policy.majorityThresholdPct)
    ? dec(policy.majorityThresholdPct)
    : null;
  if (threshold === null || threshold.greaterThanOrEqualTo(100)) {
    problems.push('control-policy: majorityThresholdPct must be a decimal in [0, 100)');
  }
  const required = policy.keyExecutivesRequired;
  if (!Number.isInteger(required) || required < 1 || required > 3) {
    problems.push('control-policy: keyExecutivesRequired must be an integer from 1 to 3');
  }
  for (const key of ['linealKinshipMaxDistance', 'collateralKinshipMaxDistance'] as const) {
    if (!Number.isInteger(policy[key]) || policy[key] < 0 || policy[key] > 6) {
      problems.push(`control-policy: ${key} must be an integer from 0 to 6`);
    }
  }
  for (const rule of policy.disabledRules) {
    if (!RULE_CODES.includes(rule)) problems.push(`control-policy: unknown rule "${rule}"`);
  }
  if (problems.length > 0) throw ValidationError.of(problems);
}
