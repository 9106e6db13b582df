/**
 * Decimal strings from integers: percentages from basis points, amounts from integers of
 * 10 000 yuan (万元; wan × bp = yuan stays an integer), rates from 1/10 000 units. No float
 * ever holds a percentage or money.
 */

export const FULL = 10_000;

const PCT: string[] = [];
/** Basis points as a decimal string: 3550 → "35.5", 10000 → "100". Shared string instances. */
export function pct(bp: number): string {
  if (!Number.isInteger(bp) || bp <= 0 || bp > FULL) throw new RangeError(`pct: bad stake ${bp}`);
  const frac = bp % 100;
  const tail = frac === 0 ? '' : `.${String(frac).padStart(2, '0')}`.replace(/0$/, '');
  return (PCT[bp] ??= `${(bp - frac) / 100}${tail}`);
}

/** `wan` 万 as a yuan string: 12 → "120000". */
export function wanToString(wan: number): string {
  return wan === 0 ? '0' : `${wan}0000`;
}

/** Rounds a positive integer to two significant digits (bank limits are round numbers). */
export function roundLimit(wan: number): number {
  const n = Math.max(1, Math.round(wan));
  const digits = String(n).length;
  if (digits <= 2) return n;
  const unit = 10 ** (digits - 2);
  return Math.round(n / unit) * unit;
}

/** An integer in 1/10 000 units as a decimal string: 71234 → "7.1234". */
export function fromE4(e4: number): string {
  const frac = e4 % 10_000;
  const tail = frac === 0 ? '' : `.${String(frac).padStart(4, '0')}`.replace(/0+$/, '');
  return `${(e4 - frac) / 10_000}${tail}`;
}
