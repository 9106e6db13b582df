import { isDecimalText, isIsoDateText } from '../../../src/import/field-checks';

describe('isIsoDateText', () => {
  it.each(['2024-02-29', '2000-02-29', '2026-12-31', '1999-01-01', '2026-04-30'])(
    'accepts the real day %s',
    (text) => expect(isIsoDateText(text)).toBe(true),
  );

  it.each([
    ['29 February of a common year', '2023-02-29'],
    ['29 February of a century that is not a leap year', '1900-02-29'],
    ['31 April', '2024-04-31'],
    ['month 13', '2024-13-01'],
    ['month 0', '2024-00-10'],
    ['day 0', '2024-01-00'],
    ['no zero padding', '2024-1-5'],
    ['a time part', '2024-01-05T00:00'],
    ['day first', '05-01-2024'],
  ])('rejects %s', (_case, text) => expect(isIsoDateText(text)).toBe(false));
});

describe('isDecimalText', () => {
  it.each(['0', '70', '70.000000', '-5', '0.000001', '123456789012345678901234.5678'])(
    'accepts %s',
    (text) => expect(isDecimalText(text)).toBe(true),
  );

  it.each(['1,000', '1 000', '.5', '5.', '5e2', '+5', '51%', '', 'NaN', 'Infinity'])(
    'rejects %s',
    (text) => expect(isDecimalText(text)).toBe(false),
  );
});
