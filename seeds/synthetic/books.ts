/**
 * The bank's own book: facilities for about a fifth of the companies (group tops more
 * often, as banks lend to groups), every product, mostly CNY with some USD/EUR/HKD, and
 * drawings on the quarter end before as-of and on as-of. Facilities are the only rows that
 * make a company a customer.
 */
import type { Facility, Product } from '../../src/domain/model';
import type { BankBuilder } from './bank-builder';
import { roundLimit, wanToString } from './decimals';

/** Product, weight, P(committed), P(unconditionally cancellable), a loan (drawn high)? */
const PRODUCTS: readonly (readonly [Product, number, number, number, boolean])[] = [
  ['TERM_LOAN', 30, 0.9, 0.05, true],
  ['REVOLVING_LOAN', 15, 0.8, 0.5, true],
  ['OVERDRAFT', 8, 0.2, 0.9, true],
  ['BANK_ACCEPTANCE', 14, 0.1, 0, false],
  ['FINANCIAL_GUARANTEE', 6, 0.6, 0, false],
  ['STANDBY_LC', 4, 0.6, 0, false],
  ['PERFORMANCE_GUARANTEE', 7, 0.6, 0, false],
  ['TRADE_LC', 8, 0.3, 0, false],
  ['BOND_HOLDING', 6, 1, 0, true],
  ['OTHER', 2, 0.5, 0.2, false],
];
const PRODUCT_WEIGHTS = PRODUCTS.map((p) => p[1]);
const FULL_BP = 10_000;

/** Currency, weight, rough CNY per unit (only to size limits, never to convert). */
export const CURRENCIES: readonly (readonly [string, number, number])[] = [
  ['CNY', 85, 1],
  ['USD', 8, 7],
  ['HKD', 4, 1],
  ['EUR', 3, 8],
];
const CURRENCY_WEIGHTS = CURRENCIES.map((c) => c[1]);

export interface BookTotals {
  /** Per group: approved limits in rough CNY 万, for sizing group limits. */
  groupWan: Float64Array;
  totalWan: number;
  currencies: Set<string>;
}

export function addBooks(b: BankBuilder, share: number): BookTotals {
  const { rng } = b;
  const totals: BookTotals = {
    groupWan: new Float64Array(b.groups.length),
    totalWan: 0,
    currencies: new Set(['CNY']),
  };
  const portfolios = Math.max(5, Math.round(b.companies.length / 4000));
  // Tops borrow three times as often; the others are scaled so the total stays near `share`.
  const tops = b.groups.length;
  const others = Math.max(1, b.companies.length - tops);
  const otherShare = Math.max(
    0,
    (share * b.companies.length - Math.min(1, share * 3) * tops) / others,
  );
  let seq = 0;
  for (let n = 0; n < b.companies.length; n++) {
    const g = b.groupOf[n];
    const top = g >= 0 && b.groups[g].first === n;
    if (!rng.chance(top ? Math.min(1, share * 3) : otherShare)) continue;
    const party = b.companies[n];
    party.customer = true;
    party.portfolio = `RM-${String(((g >= 0 ? g : n) % portfolios) + 1).padStart(3, '0')}`;
    const count = 1 + rng.weighted([60, 30, 10]);
    const scale = top ? 1 + Math.floor(Math.log10(b.groups[g].members + 1)) : 1;
    for (let i = 0; i < count; i++) {
      const cnyWan = addFacility(b, n, `FC-${++seq}`, scale, totals.currencies);
      if (g >= 0) totals.groupWan[g] += cnyWan;
      totals.totalWan += cnyWan;
    }
  }
  return totals;
}

/** Adds one facility (and its drawings); returns its limit in rough CNY 万. */
function addFacility(
  b: BankBuilder,
  n: number,
  id: string,
  scale: number,
  used: Set<string>,
): number {
  const { rng, cal } = b;
  const [product, , pCommitted, pCancellable, loan] = PRODUCTS[rng.weighted(PRODUCT_WEIGHTS)];
  const [currency, , roughRate] = CURRENCIES[rng.weighted(CURRENCY_WEIGHTS)];
  used.add(currency);
  const wan = roundLimit(Math.min(3_000_000, rng.pareto(100, 1.15) * scale) / roughRate);
  const start = cal.yearsAgo(rng, 0.3, 6);
  const matured = rng.chance(0.04);
  const maturity = matured ? cal.pastAfter(rng, start) : cal.future(rng, 8);
  const parent = b.parentOf[n];
  const guarantor = rng.chance(0.12)
    ? parent >= 0
      ? parent
      : rng.int(0, b.companies.length - 1)
    : -1;
  const margin = product === 'BANK_ACCEPTANCE' ? rng.chance(0.6) : rng.chance(0.05);
  const facility: Facility = {
    id,
    borrowerId: b.companyId(n),
    product,
    limit: wanToString(wan),
    currency,
    committed: rng.chance(pCommitted),
    cancellable: rng.chance(pCancellable),
    start: cal.iso(start),
    maturity: cal.iso(maturity),
    cashMargin: margin ? `${wan * rng.int(1000, 5000)}` : null,
    guarantorId: guarantor >= 0 && guarantor !== n ? b.companyId(guarantor) : null,
    guaranteedAmount: null,
  };
  if (facility.guarantorId !== null) facility.guaranteedAmount = `${wan * rng.int(2000, FULL_BP)}`;
  b.data.facilities.push(facility);
  if (!matured) addDrawings(b, id, wan, start, loan);
  return wan * roughRate;
}

function addDrawings(b: BankBuilder, id: string, wan: number, start: number, loan: boolean): void {
  const { rng, cal } = b;
  if (!rng.chance(0.75)) return;
  const draw = (): string => `${wan * rng.int(loan ? 3000 : 1000, FULL_BP)}`;
  const previous = cal.monthsBefore(cal.asOf, 3);
  if (start <= previous && rng.chance(0.5)) {
    b.data.drawings.push({ facilityId: id, asOf: cal.iso(previous), drawn: draw() });
  }
  b.data.drawings.push({ facilityId: id, asOf: cal.iso(cal.asOf), drawn: draw() });
}
