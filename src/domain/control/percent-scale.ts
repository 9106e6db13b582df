/**
 * Percentages as scaled integers for the threshold comparisons of the hot path.
 *
 * A percentage p is held as round-down(p × 10^10) in a float64. Every such value up to
 * 100 % is an integer below 2^53, and so is any sum of fewer than ~90 000 of them, so
 * sums and `>` comparisons are exact: 50.000001 is more than 50, 25 + 25 is exactly 50.
 * Digits past the tenth decimal are dropped (no register or annual report states a stake
 * that finely). The decimal strings stay with the evidence and pooled totals are
 * re-added in decimal for display.
 */
import { dec } from '../money/decimal';

export const PCT_SCALE_DIGITS = 10;
const SCALE = 10 ** PCT_SCALE_DIGITS;
const PLAIN = /^\s*(\d+)(?:\.(\d*))?\s*$/;

export function scalePct(text: string): number {
  const fast = scalePlain(text);
  if (fast >= 0) return fast;
  const m = PLAIN.exec(text);
  if (m === null) {
    // Exponent or signed forms: rare, so the slow exact path is fine.
    return dec(text).times(SCALE).floor().toNumber();
  }
  const fraction = (m[2] ?? '').slice(0, PCT_SCALE_DIGITS).padEnd(PCT_SCALE_DIGITS, '0');
  return Number(m[1]) * SCALE + Number(fraction);
}

/**
 * The common form `digits[.digits]` read without allocating (every shareholding of the
 * bank passes here); -1 for anything else, which the general path then reads.
 */
function scalePlain(text: string): number {
  const length = text.length;
  let whole = 0;
  let i = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  // No digit before the point, or more than 15 (past exact integers): the general path.
  if (i === 0 || i > 15) return -1;
  let fraction = 0;
  let place = SCALE;
  if (i < length) {
    if (text.charCodeAt(i) !== 46) return -1;
    for (i++; i < length; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return -1;
      place /= 10;
      if (place >= 1) fraction += c * place;
    }
  }
  return whole * SCALE + fraction;
}
