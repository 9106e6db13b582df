/**
 * What the exposure checks measure against: dated FX rates for every currency the book
 * uses, the bank's capital base (sized so the largest group comes near the 20 % group limit)
 * and unified group limits for the largest groups.
 */
import type { BankBuilder } from './bank-builder';
import type { BookTotals } from './books';
import { fromE4, roundLimit, wanToString } from './decimals';

/** Units of CNY per unit, in 1/10 000: a year-ago level the others drift from. */
const BASE_RATE_E4: Record<string, number> = { USD: 72_000, EUR: 78_000, HKD: 9_200 };

export function addFxRates(b: BankBuilder, currencies: Set<string>): void {
  const { rng, cal } = b;
  const dates = [24, 12, 3, 0].map((m) => cal.monthsBefore(cal.asOf, m));
  if (currencies.has('CNY'))
    b.data.fxRates.push({ currency: 'CNY', asOf: '2000-01-01', rate: '1' });
  for (const currency of [...currencies].sort()) {
    const base = BASE_RATE_E4[currency];
    if (base === undefined) continue;
    for (const day of dates) {
      const rate = base + rng.int(-base / 50, base / 50);
      b.data.fxRates.push({ currency, asOf: cal.iso(day), rate: fromE4(Math.round(rate)) });
    }
  }
}

export function addCapital(b: BankBuilder, totals: BookTotals): void {
  const { cal } = b;
  // Roughly a tenth of the approved limits, like a bank at a ~10 % capital ratio, but never
  // so small that the largest group's limits exceed 18 % of it (near the 20 % group limit,
  // where the checks are interesting, rather than far beyond it in a small bank).
  let largest = 0;
  for (const wan of totals.groupWan) largest = Math.max(largest, wan);
  const tier1 = roundLimit(Math.max(100_000, totals.totalWan / 10, (largest * 100) / 18));
  b.data.capital.push({
    asOf: cal.iso(cal.monthsBefore(cal.asOf, 24)),
    tier1Capital: wanToString(tier1),
    netCapital: wanToString(roundLimit((tier1 * 124) / 100)),
    currency: 'CNY',
  });
}

/** Unified limits for the largest groups that borrow; the largest one was renewed once. */
export function addGroupLimits(b: BankBuilder, totals: BookTotals): void {
  const { rng, cal } = b;
  const wanted = Math.min(50, Math.max(3, Math.round(b.groups.length / 1000)));
  const bySize = b.groups
    .map((g, i) => ({ i, members: g.members }))
    .filter((g) => totals.groupWan[g.i] > 0)
    .sort((x, y) => y.members - x.members || x.i - y.i)
    .slice(0, wanted);
  let seq = 0;
  for (const { i } of bySize) {
    const member = b.companyId(b.groups[i].first);
    const limit = roundLimit((totals.groupWan[i] * rng.int(110, 150)) / 100);
    const from = cal.yearsAgo(rng, 0.2, 3);
    if (seq === 0) {
      const earlier = cal.yearsAgo(rng, 4, 6);
      const old = wanToString(roundLimit((limit * 80) / 100));
      b.data.groupLimits.push({
        id: `GL-${++seq}`,
        memberId: member,
        limit: old,
        currency: 'CNY',
        validFrom: cal.iso(earlier),
        validTo: cal.iso(from),
      });
    }
    b.data.groupLimits.push({
      id: `GL-${++seq}`,
      memberId: member,
      limit: wanToString(limit),
      currency: 'CNY',
      validFrom: cal.iso(from),
      validTo: null,
    });
  }
}
