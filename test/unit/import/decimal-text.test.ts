import fc from 'fast-check';
import {
  canonicalDecimalText,
  type DecimalRange,
  decimalTextInRange,
} from '../../../src/import/decimal-text';
import { canonical, Decimal } from '../../../src/domain/money/decimal';

const inRangeByDecimal = (text: string, range: DecimalRange): boolean => {
  const d = new Decimal(text);
  if (range === 'non-negative') return !d.isNegative() || d.isZero();
  if (range === 'positive') return d.greaterThan(0);
  return d.greaterThan(0) && d.lessThanOrEqualTo(100);
};

const decimalText = fc
  .tuple(
    fc.boolean(),
    fc.stringMatching(/^[0-9]{1,5}$/),
    fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: undefined }),
  )
  .map(
    ([negative, whole, fraction]) =>
      `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`,
  );

describe('decimal text', () => {
  it.each([
    ['070.50', '70.5'],
    ['100.000', '100'],
    ['0.5', '0.5'],
    ['-0', '0'],
    ['12', '12'],
    ['1,000', '1,000'],
  ])('writes %s canonically as %s', (text, expected) => {
    expect(canonicalDecimalText(text)).toBe(expected);
  });

  it.each([
    ['100', 'percent', true],
    ['100.000', 'percent', true],
    ['100.0001', 'percent', false],
    ['0099.9', 'percent', true],
    ['0.000', 'positive', false],
    ['-0.00', 'non-negative', true],
    ['-0.01', 'non-negative', false],
  ] as const)('judges %s against %s as %s', (text, range, expected) => {
    expect(decimalTextInRange(text, range)).toBe(expected);
  });

  it('agrees with decimal.js on every well-formed decimal', () => {
    fc.assert(
      fc.property(
        decimalText,
        fc.constantFrom<DecimalRange>('percent', 'non-negative', 'positive'),
        (text, range) => {
          expect(canonicalDecimalText(text)).toBe(canonical(text));
          expect(decimalTextInRange(text, range)).toBe(inRangeByDecimal(text, range));
        },
      ),
    );
  });

  it('agrees with decimal.js around 100', () => {
    const near = fc.constantFrom('99.9999', '100', '100.0', '0100.00', '100.0001', '101', '1000');
    fc.assert(
      fc.property(near, (text) =>
        expect(decimalTextInRange(text, 'percent')).toBe(inRangeByDecimal(text, 'percent')),
      ),
    );
  });
});
