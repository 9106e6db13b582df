/**
 * The one decimal library of the domain. Money, percentages and FX rates are computed in
 * decimal.js at 40 significant digits (well beyond any amount a bank books) and rounded
 * only at presentation, by `roundForPresentation`.
 */
import DecimalJs from 'decimal.js';

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;
export type DecimalInput = Decimal | string | number;

export const ZERO = new Decimal(0);
export const HUNDRED = new Decimal(100);

export function dec(value: DecimalInput): Decimal {
  return value instanceof Decimal ? value : new Decimal(value);
}

export function sum(values: Iterable<DecimalInput>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(dec(v));
  return total;
}

export function min(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

export function max(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b;
}

/** Percent of `part` in `whole` (e.g. 4.7188 for 4.7188 %); zero when `whole` is zero. */
export function percentOf(part: Decimal, whole: Decimal): Decimal {
  return whole.isZero() ? ZERO : part.times(HUNDRED).dividedBy(whole);
}

/**
 * The single rounding rule for figures leaving the domain: amounts to 2 decimal places,
 * percentages to 4, half-up (the convention of regulatory returns). Trailing zeros are
 * dropped so `1700000000.00` reads `1700000000`.
 */
export function roundForPresentation(value: Decimal, kind: 'amount' | 'percent'): string {
  const places = kind === 'amount' ? 2 : 4;
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed();
}

/** Canonical text form of a stored decimal: no exponent, no trailing zeros. */
export function canonical(value: DecimalInput): string {
  return dec(value).toFixed();
}
