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
  const m = PLAIN.exec(text);
  if (m === null) {
    // Exponent or signed forms: rare, so the slow exact path is fine.
    return dec(text).times(SCALE).floor().toNumber();
  }
  const fraction = (m[2] ?? '').slice(0, PCT_SCALE_DIGITS).padEnd(PCT_SCALE_DIGITS, '0');
  return Number(m[1]) * SCALE + Number(fraction);
}
