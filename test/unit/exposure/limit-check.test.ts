import { dec } from '../../../src/domain/money/decimal';
import { CapitalOnDate, evaluateLimitCheck } from '../../../src/domain/exposure';
import {
  DEFAULT_EXPOSURE_POLICY,
  LimitCheckDefinition,
} from '../../../src/domain/policy/exposure-policy';

const capital: CapitalOnDate = { asOf: '2026-01-01', tier1: dec(1000), netCapital: dec(2000) };
const singleClient = DEFAULT_EXPOSURE_POLICY.limitChecks[0] as LimitCheckDefinition;

function check(netExposure: string, definition = singleClient) {
  const figures = { netExposure: dec(netExposure), loanBalance: dec(0), creditBalance: dec(0) };
  return evaluateLimitCheck(
    definition,
    { id: 'C-A', name: 'Client A', figures },
    capital,
    DEFAULT_EXPOSURE_POLICY,
  );
}

describe('status against a 15 % of Tier 1 limit (150 on 1000)', () => {
  it.each([
    ['just above the limit breaches', '150.01', 'BREACH', 0],
    ['exactly at the limit warns, not breaches', '150', 'WARN', 2],
    ['at 90 % of the limit is warning level 2', '135', 'WARN', 2],
    ['just under 90 % is warning level 1', '134.99', 'WARN', 1],
    ['at 80 % of the limit is warning level 1', '120', 'WARN', 1],
    ['just under 80 % passes', '119.99', 'PASS', 0],
    ['no exposure passes', '0', 'PASS', 0],
  ])('%s', (_case, value, status, warnLevel) => {
    const result = check(value);
    expect([result.status, result.warnLevel]).toEqual([status, warnLevel]);
  });

  it('gives the limit as an amount and the share used', () => {
    const result = check('135');
    expect([
      result.limit.toFixed(),
      result.valuePct.toFixed(),
      result.utilisation.toFixed(),
    ]).toEqual(['150', '13.5', '90']);
    expect([result.rule, result.subjectId, result.source]).toEqual([
      'SINGLE_CLIENT_EXPOSURE',
      'C-A',
      'CBIRC 2018 大额风险暴露 Art. 7',
    ]);
  });

  it.each([
    [
      'BREACH',
      '160',
      'Client A: net exposure 160 CNY is 16 % of Tier 1 capital, above the 15 % limit',
    ],
    [
      'WARN',
      '140',
      'Client A: net exposure 140 CNY is 14 % of Tier 1 capital, 93.3333 % of the 15 % limit (warning level 2)',
    ],
    [
      'PASS',
      '1.5',
      'Client A: net exposure 1.5 CNY is 0.15 % of Tier 1 capital, within the 15 % limit (1 % used)',
    ],
  ])('writes a %s message a committee can read', (_status, value, message) => {
    expect(check(value).message).toBe(message);
  });

  it('measures against the definition capital base: 160 breaches on Tier 1, passes on 2000', () => {
    const onNetCapital = { ...singleClient, capitalBase: 'NET_CAPITAL' as const };
    const result = check('160', onNetCapital);
    expect([result.status, result.capital.toFixed(), result.valuePct.toFixed()]).toEqual([
      'PASS',
      '2000',
      '8',
    ]);
  });
});
