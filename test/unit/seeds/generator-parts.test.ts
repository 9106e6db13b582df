/**
 * The generator's building blocks: the seeded PRNG, the calendar, the identifiers and the
 * decimal formatting of basis points and amounts.
 */
import fc from 'fast-check';
import { pct } from '../../../seeds/synthetic/decimals';
import { Calendar } from '../../../seeds/synthetic/calendar';
import { drawGroupSize } from '../../../seeds/synthetic/group-sizes';
import { makeLei, makeUscc } from '../../../seeds/synthetic/identifiers';
import { fromE4, roundLimit, wanToString } from '../../../seeds/synthetic/decimals';
import { Rng } from '../../../seeds/synthetic/rng';
import { isValidLei, isValidOrgCode, isValidUscc } from './checksums';

const draws = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.nextU32());

describe('Rng', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    expect(draws(new Rng(7), 100)).toEqual(draws(new Rng(7), 100));
    expect(draws(new Rng(7), 100)).not.toEqual(draws(new Rng(8), 100));
    expect(draws(new Rng(2 ** 32 + 7), 10)).not.toEqual(draws(new Rng(7), 10));
  });

  it('gives forked streams that differ from the parent and from each other', () => {
    const root = new Rng(1);
    const [a, b] = [root.fork(1), root.fork(2)];
    expect(draws(a, 20)).not.toEqual(draws(b, 20));
  });

  it('keeps int() within its inclusive bounds', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.nat(1000),
        (seed, lo, span) => {
          const rng = new Rng(seed);
          for (let i = 0; i < 20; i++) {
            const v = rng.int(lo, lo + span);
            expect(Number.isInteger(v) && v >= lo && v <= lo + span).toBe(true);
          }
        },
      ),
    );
  });

  it('is roughly uniform', () => {
    const rng = new Rng(3);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[rng.int(0, 9)]++;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('draws group sizes from a capped power law', () => {
    const rng = new Rng(5);
    const sizes = Array.from({ length: 100_000 }, () => drawGroupSize(rng, 1000));
    const share = (min: number) => sizes.filter((s) => s >= min).length / sizes.length;
    expect(Math.min(...sizes)).toBe(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1000);
    // P(size ≥ k) = (2/k)^1.8
    expect(share(3)).toBeCloseTo(Math.pow(2 / 3, 1.8), 1);
    expect(share(20)).toBeCloseTo(Math.pow(2 / 20, 1.8), 2);
  });

  it.each([
    ['a negative seed', -1],
    ['a fraction', 1.5],
    ['an unsafe integer', 2 ** 60],
  ])('rejects %s', (_case, seed) => {
    expect(() => new Rng(seed)).toThrow(RangeError);
  });
});

describe('Calendar', () => {
  const cal = new Calendar('2026-09-30');

  it.each([
    ['2026-09-30', 3, '2026-06-30'],
    ['2026-05-31', 3, '2026-02-28'],
    ['2024-05-31', 3, '2024-02-29'],
    ['2026-08-15', 3, '2026-05-15'],
    ['2026-09-30', 24, '2024-09-30'],
    ['2026-01-31', 1, '2025-12-31'],
  ])('%s minus %i months is %s', (from, months, expected) => {
    expect(cal.iso(cal.monthsBefore(Calendar.dayOf(from), months))).toBe(expected);
  });

  it('turns day numbers into ISO dates and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 3_000 }), (offset) => {
        const day = cal.asOf + offset;
        expect(Calendar.dayOf(cal.iso(day))).toBe(day);
      }),
    );
  });

  it('draws past days after a start and future days after as-of', () => {
    const rng = new Rng(9);
    for (let i = 0; i < 1000; i++) {
      const from = cal.yearsAgo(rng, 0, 10);
      const past = cal.pastAfter(rng, from);
      expect(past > from && past <= Math.max(cal.asOf, from + 1)).toBe(true);
      expect(cal.future(rng)).toBeGreaterThan(cal.asOf);
    }
  });
});

describe('identifiers', () => {
  it('makes unique, checksum-valid USCCs and LEIs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999_998 }),
        fc.constantFrom('110000', '440300'),
        (seq, admin) => {
          const uscc = makeUscc(seq, admin);
          expect(isValidUscc(uscc) && isValidOrgCode(uscc.slice(8, 17))).toBe(true);
          expect(isValidLei(makeLei(seq))).toBe(true);
          expect(makeUscc(seq + 1, admin)).not.toBe(uscc);
        },
      ),
    );
  });

  it('refuses a sequence the USCC cannot encode', () => {
    expect(() => makeUscc(100_000_000, '110000')).toThrow(RangeError);
  });
});

describe('decimal strings', () => {
  it.each([
    [1, '0.01'],
    [10, '0.1'],
    [3550, '35.5'],
    [3505, '35.05'],
    [5100, '51'],
    [10_000, '100'],
  ])('%i basis points → %s %%', (bp, expected) => {
    expect(pct(bp)).toBe(expected);
  });

  it.each([0, 10_001, 2.5])('refuses %s basis points', (bp) => {
    expect(() => pct(bp)).toThrow(RangeError);
  });

  it.each([
    [wanToString(12), '120000'],
    [wanToString(0), '0'],
    [fromE4(71_234), '7.1234'],
    [fromE4(71_000), '7.1'],
    [fromE4(10_000), '1'],
    [String(roundLimit(123_456)), '120000'],
    [String(roundLimit(99)), '99'],
    [String(roundLimit(0.2)), '1'],
  ])('%s is %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
