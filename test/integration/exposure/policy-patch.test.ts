/** A policy change merges onto the version in force; every problem is reported at once. */
import { ValidationError } from '../../../src/domain/errors';
import { DEFAULT_POLICY } from '../../../src/domain/policy';
import {
  applyPolicyPatch,
  assertValidPolicy,
  type PolicyPatch,
} from '../../../src/services/policy/policy-patch';

function problemsOf(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    if (error instanceof ValidationError) return error.details?.problems as string[];
    throw error;
  }
  return [];
}

describe('policy patch', () => {
  it.each<[string, PolicyPatch, (p: typeof DEFAULT_POLICY) => unknown, unknown]>([
    ['keeps what is not given', {}, (p) => p, DEFAULT_POLICY],
    [
      'patches one product CCF and keeps the others',
      { exposure: { productCcf: [{ product: 'TRADE_LC', ccfPct: '25' }] } },
      (p) => [p.exposure.productCcfPct.TRADE_LC, p.exposure.productCcfPct.STANDBY_LC],
      ['25', '100'],
    ],
    [
      'replaces the limit checks whole',
      { exposure: { limitChecks: [DEFAULT_POLICY.exposure.limitChecks[0]] } },
      (p) => p.exposure.limitChecks.map((c) => c.name),
      ['SINGLE_CLIENT_EXPOSURE'],
    ],
    [
      'ignores fields sent as null',
      { control: { majorityThresholdPct: null as unknown as string, stateExemption: false } },
      (p) => [p.control.majorityThresholdPct, p.control.stateExemption],
      ['50', false],
    ],
  ])('%s', (_case, patch, pick, expected) => {
    expect(pick(applyPolicyPatch(DEFAULT_POLICY, patch))).toEqual(expected);
  });

  it('does not change the base policy', () => {
    applyPolicyPatch(DEFAULT_POLICY, {
      exposure: { productCcf: [{ product: 'OTHER', ccfPct: '1' }] },
    });
    expect(DEFAULT_POLICY.exposure.productCcfPct.OTHER).toBe('100');
  });

  it.each<[string, PolicyPatch, string[]]>([
    [
      'a product listed twice',
      {
        exposure: {
          productCcf: [
            { product: 'TRADE_LC', ccfPct: '20' },
            { product: 'TRADE_LC', ccfPct: '30' },
          ],
        },
      },
      ['exposure policy: productCcf lists TRADE_LC twice'],
    ],
    [
      'three warning levels',
      { exposure: { warnLevelsPct: ['70', '80', '90'] } },
      ['exposure policy: warnLevelsPct must list exactly two levels, e.g. ["80", "90"]'],
    ],
  ])('rejects %s', (_case, patch, problems) => {
    expect(problemsOf(() => applyPolicyPatch(DEFAULT_POLICY, patch))).toEqual(problems);
  });

  it('reports exposure and control problems together', () => {
    const policy = applyPolicyPatch(DEFAULT_POLICY, {
      control: { majorityThresholdPct: '100', disabledRules: ['R99' as 'R1'] },
      exposure: { reportingCurrency: 'yuan', largeExposureThresholdPct: '0' },
    });
    expect(problemsOf(() => assertValidPolicy(policy))).toEqual([
      'exposure policy: reportingCurrency must be an ISO 4217 code',
      'exposure policy: largeExposureThresholdPct must be above 0 and at most 100',
      'control-policy: majorityThresholdPct must be a decimal in [0, 100)',
      'control-policy: unknown rule "R99"',
    ]);
  });
});
