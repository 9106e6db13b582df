/**
 * Decimals as the interchange format writes them (`-?digits(.digits)?`), judged on the text:
 * a bulk import meets millions of them and almost all are already canonical and plainly in
 * range, which needs no decimal arithmetic to see. Exact: every answer is the one decimal.js
 * gives (test/unit/import/decimal-text.test.ts compares them).
 */
import { canonical } from '../domain/money/decimal';

const DECIMAL = /^-?\d+(\.\d+)?$/;

export type DecimalRange = 'percent' | 'non-negative' | 'positive';

export function isDecimalText(text: string): boolean {
  return DECIMAL.test(text);
}

/** `070.50` → `70.5`; text that is not a decimal comes back as it is. */
export function canonicalDecimalText(text: string): string {
  if (!DECIMAL.test(text)) return text;
  const negative = text.charCodeAt(0) === 45;
  const digitsFrom = negative ? 1 : 0;
  const point = text.indexOf('.');
  const intEnd = point < 0 ? text.length : point;
  const leadingZero = text.charCodeAt(digitsFrom) === 48 && intEnd - digitsFrom > 1;
  const trailingZero = point >= 0 && text.charCodeAt(text.length - 1) === 48;
  if (!leadingZero && !trailingZero && !(negative && isZeroText(text))) return text;
  return canonical(text);
}

/** Whether a well-formed decimal text lies in the range (see isDecimalText). */
export function decimalTextInRange(text: string, range: DecimalRange): boolean {
  const negative = text.charCodeAt(0) === 45;
  const zero = isZeroText(text);
  if (range === 'non-negative') return !negative || zero;
  if (negative || zero) return false;
  return range === 'positive' || atMostHundred(text);
}

function isZeroText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 49 && c <= 57) return false;
  }
  return true;
}

/** For a non-negative decimal text. */
function atMostHundred(text: string): boolean {
  const point = text.indexOf('.');
  const intEnd = point < 0 ? text.length : point;
  let from = 0;
  while (from < intEnd - 1 && text.charCodeAt(from) === 48) from++;
  const digits = intEnd - from;
  if (digits < 3) return true;
  if (digits > 3) return false;
  const whole = text.slice(from, intEnd);
  if (whole < '100') return true;
  if (whole > '100') return false;
  return point < 0 || isZeroText(text.slice(point + 1));
}
