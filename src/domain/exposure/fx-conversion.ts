/**
 * FX conversion to the reporting currency (DESIGN §4: group figures are reported in the
 * bank's reporting currency at the query's date). The rate valid on a date is the latest
 * `fx_rates` row on or before it; the reporting currency converts at 1 without a row.
 * A missing rate is an error, never a silent 0 or 1: it would misstate exposure.
 */
import { NotFoundError } from '../errors';
import { FxRate, IsoDate } from '../model';
import { dec, Decimal } from '../money/decimal';

export class MissingFxRateError extends NotFoundError {
  static for(currency: string, date: IsoDate, reportingCurrency: string): MissingFxRateError {
    return new MissingFxRateError(
      `No FX rate for ${currency} into ${reportingCurrency} on or before ${date}.`,
      { currency, date, reportingCurrency },
    );
  }
}

export interface CurrencyConverter {
  readonly reportingCurrency: string;
  readonly asOf: IsoDate;
  /** Units of the reporting currency for one unit of `currency`; throws MissingFxRateError. */
  rate(currency: string): Decimal;
  toReporting(amount: Decimal, currency: string): Decimal;
}

/** The latest rate on or before `date`, or null. Ties on a date: the last row wins. */
export function rateOn(
  fxRates: readonly FxRate[],
  currency: string,
  date: IsoDate,
): Decimal | null {
  let best: FxRate | null = null;
  for (const row of fxRates) {
    if (row.currency !== currency || row.asOf > date) continue;
    if (best === null || row.asOf >= best.asOf) best = row;
  }
  return best === null ? null : dec(best.rate);
}

export function currencyConverter(
  fxRates: readonly FxRate[],
  reportingCurrency: string,
  asOf: IsoDate,
): CurrencyConverter {
  const cache = new Map<string, Decimal>();
  const rate = (currency: string): Decimal => {
    const known = cache.get(currency);
    if (known) return known;
    const found =
      rateOn(fxRates, currency, asOf) ?? (currency === reportingCurrency ? dec(1) : null);
    if (found === null) throw MissingFxRateError.for(currency, asOf, reportingCurrency);
    cache.set(currency, found);
    return found;
  };
  return {
    reportingCurrency,
    asOf,
    rate,
    toReporting: (amount, currency) => amount.times(rate(currency)),
  };
}
