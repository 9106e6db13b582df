/**
 * The import rules for the bank's books: facilities (limits, dates, margin, guarantor),
 * drawings within their limit, an FX rate for every currency used, one capital row.
 */
import { PRODUCTS, type Dataset } from '../../../src/domain/model';
import { Decimal } from '../../../src/domain/money/decimal';
import { byKey } from './import-rules';

export function bookProblems(d: Dataset, kindOf: Map<string, string>): string[] {
  const problems: string[] = [];
  const limits = new Map<string, Decimal>();
  const currencyOf = new Map(d.facilities.map((f) => [f.id, f.currency]));
  for (const f of d.facilities) {
    const limit = new Decimal(f.limit);
    limits.set(f.id, limit);
    const ok =
      kindOf.has(f.borrowerId) &&
      PRODUCTS.includes(f.product) &&
      limit.gt(0) &&
      (f.start === null || f.maturity === null || f.start < f.maturity) &&
      (f.cashMargin === null || new Decimal(f.cashMargin).lte(limit)) &&
      (f.guarantorId === null) === (f.guaranteedAmount === null) &&
      (f.guarantorId === null || (kindOf.has(f.guarantorId) && f.guarantorId !== f.borrowerId)) &&
      (f.guaranteedAmount === null || new Decimal(f.guaranteedAmount).lte(limit));
    if (!ok) problems.push(`facilities: ${f.id}: bad facility`);
  }
  const seen = new Set<string>();
  for (const w of d.drawings) {
    const limit = limits.get(w.facilityId);
    const key = `${w.facilityId}@${w.asOf}`;
    if (limit === undefined || seen.has(key) || new Decimal(w.drawn).gt(limit))
      problems.push(`drawings: ${key}`);
    seen.add(key);
  }
  const rates = byKey(d.fxRates, (r) => r.currency);
  const used = new Set([
    ...d.facilities.map((f) => f.currency),
    ...d.guarantees.map((g) => g.currency),
  ]);
  for (const currency of used)
    if (!rates.has(currency)) problems.push(`fx_rates: no rate for ${currency}`);
  for (const w of d.drawings) {
    const currency = currencyOf.get(w.facilityId) ?? 'CNY';
    if (!(rates.get(currency) ?? []).some((r) => r.asOf <= w.asOf))
      problems.push(`fx_rates: ${currency} on ${w.asOf}`);
  }
  if (d.capital.length !== 1) problems.push(`capital: ${d.capital.length} rows`);
  for (const g of d.groupLimits)
    if (!kindOf.has(g.memberId)) problems.push(`group_limits: ${g.id}`);
  return problems;
}
