import fc from 'fast-check';
import { Decimal } from '../../../src/domain/money/decimal';
import { type DatedStake, overSubscribedCompanies } from '../../../src/import/stake-sums';
import { aShareholding } from './builders';

const stake = (
  line: number | null,
  pct: string,
  validFrom: string | null = null,
  validTo: string | null = null,
  companyId = 'C',
): DatedStake => ({
  stake: aShareholding(`S${line}`, `H${line}`, companyId, pct, { validFrom, validTo }),
  line,
});

describe('overSubscribedCompanies', () => {
  it.each([
    ['two undated halves', [stake(2, '50'), stake(3, '50')]],
    [
      'a handover on one day (validTo is exclusive)',
      [stake(2, '80', null, '2024-01-01'), stake(3, '80', '2024-01-01')],
    ],
    [
      'stakes that never overlap',
      [stake(2, '70', '2020-01-01', '2021-01-01'), stake(3, '70', '2022-01-01')],
    ],
    [
      'over 100 only in stored rows',
      [stake(null, '70'), stake(null, '70'), stake(2, '10', null, null, 'D')],
    ],
    ['stakes out of range, reported elsewhere', [stake(2, '120')]],
    [
      'thirds a hair under 100, past what a binary float tells apart',
      [2, 3, 4].map((line) => stake(line, '33.3333333333333333333')),
    ],
  ])('accepts %s', (_case, stakes) => {
    expect(overSubscribedCompanies(stakes)).toEqual([]);
  });

  it.each([
    ['undated stakes', [stake(2, '60'), stake(3, '50.5')], { date: null, total: '110.5', line: 3 }],
    [
      'thirds a hair over 100, past what a binary float tells apart',
      [2, 3, 4].map((line) => stake(line, '33.3333333333333333334')),
      { date: null, total: '100.0000000000000000002', line: 4 },
    ],
    [
      'an overlap in the middle of a history',
      [
        stake(2, '60', '2020-01-01'),
        stake(3, '50', '2022-01-01', '2023-01-01'),
        stake(4, '10', '2025-01-01'),
      ],
      { date: '2022-01-01', total: '110', line: 3 },
    ],
    [
      'a dataset stake over a stored one, blamed on the dataset line',
      [stake(null, '90'), stake(7, '20', '2026-01-01')],
      { date: '2026-01-01', total: '110', line: 7 },
    ],
    [
      'decimals that only just exceed 100',
      [
        stake(2, '33.333333333333333333'),
        stake(3, '33.333333333333333333'),
        stake(4, '33.333333333333333335'),
      ],
      { date: null, total: '100.000000000000000001', line: 4 },
    ],
  ])('reports %s', (_case, stakes, expected) => {
    expect(overSubscribedCompanies(stakes)).toEqual([{ companyId: 'C', ...expected }]);
  });

  it('finds an over-subscription exactly when some day has one (checked day by day)', () => {
    const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);
    const aStake = fc.record({
      pct: fc.integer({ min: 1, max: 60 }),
      from: fc.option(fc.integer({ min: 0, max: 20 })),
      length: fc.option(fc.integer({ min: 1, max: 10 })),
    });
    fc.assert(
      fc.property(fc.array(aStake, { maxLength: 6 }), (specs) => {
        const stakes = specs.map((s, i) =>
          stake(
            i + 2,
            String(s.pct),
            s.from === null ? null : day(s.from),
            s.length === null ? null : day((s.from ?? 0) + s.length),
          ),
        );
        const overOnSomeDay = Array.from({ length: 33 }, (_, d) => day(d - 1)).some((d) =>
          stakes
            .filter(
              ({ stake: s }) => (s.validFrom ?? '') <= d && (s.validTo === null || d < s.validTo),
            )
            .reduce((t, s) => t.plus(s.stake.votingPct), new Decimal(0))
            .greaterThan(100),
        );
        return (overSubscribedCompanies(stakes).length === 1) === overOnSomeDay;
      }),
    );
  });
});
