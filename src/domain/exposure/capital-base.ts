/**
 * The bank's capital base on a date: Tier 1 capital (一级资本净额) and net capital
 * (资本净额), the denominators of the CBIRC 2018 large-exposure limits. The latest
 * `capital` row on or before the date applies, converted to the reporting currency.
 */
import { NotFoundError, ValidationError } from '../errors';
import { Capital, IsoDate } from '../model';
import { dec, Decimal } from '../money/decimal';
import { CapitalBase } from '../policy/exposure-policy';
import { CurrencyConverter } from './fx-conversion';

export interface CapitalOnDate {
  /** The date of the capital row used. */
  asOf: IsoDate;
  tier1: Decimal;
  netCapital: Decimal;
}

export class MissingCapitalError extends NotFoundError {
  static on(date: IsoDate): MissingCapitalError {
    return new MissingCapitalError(`No capital figures on or before ${date}.`, { date });
  }
}

export function capitalOn(
  rows: readonly Capital[],
  date: IsoDate,
  fx: CurrencyConverter,
): CapitalOnDate {
  let best: Capital | null = null;
  for (const row of rows) {
    if (row.asOf <= date && (best === null || row.asOf >= best.asOf)) best = row;
  }
  if (best === null) throw MissingCapitalError.on(date);
  const tier1 = fx.toReporting(dec(best.tier1Capital), best.currency);
  const netCapital = fx.toReporting(dec(best.netCapital), best.currency);
  // A zero base would make every share 0 % and every check pass.
  if (!tier1.greaterThan(0) || !netCapital.greaterThan(0)) {
    throw ValidationError.of([`capital of ${best.asOf}: Tier 1 and net capital must be above 0`]);
  }
  return { asOf: best.asOf, tier1, netCapital };
}

export function capitalFor(capital: CapitalOnDate, base: CapitalBase): Decimal {
  return base === 'TIER1' ? capital.tier1 : capital.netCapital;
}
