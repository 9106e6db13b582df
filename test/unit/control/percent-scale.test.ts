import fc from 'fast-check';
import { PCT_SCALE_DIGITS, scalePct } from '../../../src/domain/control/percent-scale';
import { dec } from '../../../src/domain/money/decimal';

/** The definition: round-down(p × 10^10), exactly, by the decimal library. */
const reference = (text: string): number =>
  dec(text.trim())
    .times(10 ** PCT_SCALE_DIGITS)
    .floor()
    .toNumber();

describe('scalePct', () => {
  it.each([
    ['a whole percentage', '51', 510_000_000_000],
    ['a fraction', '50.0001', 500_001_000_000],
    ['a trailing point', '12.', 120_000_000_000],
    ['digits past the tenth decimal dropped', '0.123456789019', 1_234_567_890],
    ['leading zeros', '007.5', 75_000_000_000],
    ['surrounding spaces', ' 25.5 ', 255_000_000_000],
    ['an exponent', '5e1', 500_000_000_000],
  ])('reads %s', (_case, text, scaled) => {
    expect(scalePct(text)).toBe(scaled);
  });

  it('matches the exact decimal definition for plain decimals (property)', () => {
    const digits = (max: number) =>
      fc
        .array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: max })
        .map((d) => d.join(''));
    fc.assert(
      fc.property(digits(3), fc.option(digits(14)), (whole, fraction) => {
        const text = fraction === null ? whole : `${whole}.${fraction}`;
        expect(scalePct(text)).toBe(reference(text));
      }),
    );
  });
});
