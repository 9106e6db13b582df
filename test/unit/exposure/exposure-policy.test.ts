import {
  DEFAULT_EXPOSURE_POLICY,
  ExposurePolicy,
  validateExposurePolicy,
} from '../../../src/domain/policy/exposure-policy';

const base = DEFAULT_EXPOSURE_POLICY;
const withCheck = (patch: object): ExposurePolicy => ({
  ...base,
  limitChecks: [{ ...base.limitChecks[0], ...patch }, ...base.limitChecks.slice(1)],
});

describe('validateExposurePolicy', () => {
  it('accepts the defaults', () => {
    expect(validateExposurePolicy(base)).toEqual([]);
  });

  it('holds the DESIGN §4 defaults', () => {
    expect(
      base.limitChecks.map((c) => [c.name, c.scope, c.measure, c.capitalBase, c.limitPct]),
    ).toEqual([
      ['SINGLE_CLIENT_EXPOSURE', 'CLIENT', 'NET_EXPOSURE', 'TIER1', '15'],
      ['SINGLE_CLIENT_LOANS', 'CLIENT', 'LOAN_BALANCE', 'NET_CAPITAL', '10'],
      ['CONNECTED_GROUP_EXPOSURE', 'GROUP', 'NET_EXPOSURE', 'TIER1', '20'],
      ['GROUP_CREDIT_BALANCE', 'GROUP', 'CREDIT_BALANCE', 'NET_CAPITAL', '15'],
    ]);
    expect([base.reportingCurrency, base.warnLevelsPct, base.largeExposureThresholdPct]).toEqual([
      'CNY',
      ['80', '90'],
      '2.5',
    ]);
  });

  it.each<[string, ExposurePolicy, string]>([
    [
      'a bad currency',
      { ...base, reportingCurrency: 'yuan' },
      'reportingCurrency must be an ISO 4217 code',
    ],
    [
      'a CCF above 100',
      { ...base, productCcfPct: { ...base.productCcfPct, TRADE_LC: '120' } },
      'productCcfPct.TRADE_LC must be at most 100',
    ],
    [
      'an on-balance product below 100 %',
      { ...base, productCcfPct: { ...base.productCcfPct, TERM_LOAN: '80' } },
      'productCcfPct.TERM_LOAN is on balance sheet and must be 100',
    ],
    [
      'a CCF in float notation',
      { ...base, committedUndrawnCcfPct: '4e1' },
      'committedUndrawnCcfPct must be a decimal percentage, got "4e1"',
    ],
    [
      'warning levels out of order',
      { ...base, warnLevelsPct: ['90', '80'] },
      'warnLevelsPct must be increasing (first below second)',
    ],
    [
      'a zero limit',
      withCheck({ limitPct: '0' }),
      'limitChecks[0].limitPct must be above 0 and at most 100',
    ],
    [
      'a repeated check name',
      withCheck({ name: 'SINGLE_CLIENT_LOANS' }),
      'limitChecks[1].name "SINGLE_CLIENT_LOANS" repeats',
    ],
    [
      'an unknown measure',
      withCheck({ measure: 'EQUITY' }),
      'limitChecks[0].measure "EQUITY" is unknown',
    ],
    ['a check without source', withCheck({ source: ' ' }), 'limitChecks[0].source is empty'],
    [
      'an unknown loan product',
      { ...base, loanProducts: ['TERM_LOAN', 'MORTGAGE' as never] },
      'loanProducts has unknown product "MORTGAGE"',
    ],
  ])('rejects %s', (_case, policy, problem) => {
    expect(validateExposurePolicy(policy)).toEqual([`exposure policy: ${problem}`]);
  });
});
