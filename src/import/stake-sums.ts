/**
 * A company's voting stakes sum to at most 100 % on every date (interchange format,
 * shareholdings.csv; DESIGN.md §7). The sum is a step function of the date that only rises
 * where a stake starts, so checking it just after every validity boundary (each start, with
 * the stakes ending there already gone) finds every date on which it exceeds 100.
 */
import { Decimal, HUNDRED, ZERO } from '../domain/money/decimal';
import type { Shareholding } from '../domain/model';
import { decimalTextInRange, isDecimalText } from './decimal-text';
import { isIsoDateText } from './field-checks';

export interface DatedStake {
  stake: Shareholding;
  /** The stake's line in the dataset, or null for a stored row the dataset keeps. */
  line: number | null;
}

export interface OverSubscription {
  companyId: string;
  /** The first date on which the sum exceeds 100; null when it does before any dated start. */
  date: string | null;
  total: string;
  /** The dataset line to blame: the latest-listed stake in force then. */
  line: number;
}

export function overSubscribedCompanies(stakes: readonly DatedStake[]): OverSubscription[] {
  const checkable = stakes.filter((s) => isCheckable(s.stake));
  const mayExceed = companiesThatMayExceed(checkable);
  const byCompany = new Map<string, DatedStake[]>();
  for (const s of checkable) {
    if (!mayExceed.has(s.stake.companyId)) continue;
    const list = byCompany.get(s.stake.companyId);
    if (list) list.push(s);
    else byCompany.set(s.stake.companyId, [s]);
  }
  const found: OverSubscription[] = [];
  for (const [companyId, list] of byCompany) {
    if (!list.some((s) => s.line !== null)) continue;
    const over = firstOverSubscription(list);
    if (over) found.push({ companyId, ...over });
  }
  return found.sort((a, b) => a.line - b.line);
}

/**
 * Companies whose stakes, all dates together, may sum to over 100: only these need the
 * exact sweep over dates. A binary float sum of n percentages is within n × 1e-13 of the
 * exact one, so the margin below never lets a company over 100 through.
 */
function companiesThatMayExceed(stakes: readonly DatedStake[]): Set<string> {
  const totals = new Map<string, number>();
  for (const { stake } of stakes) {
    totals.set(stake.companyId, (totals.get(stake.companyId) ?? 0) + Number(stake.votingPct));
  }
  const margin = 1e-9 * (1 + stakes.length);
  const found = new Set<string>();
  for (const [companyId, total] of totals) if (total + margin > 100) found.add(companyId);
  return found;
}

/** Stakes with a bad percentage or bad dates are reported on their own and left out here. */
function isCheckable(s: Shareholding): boolean {
  const dateOk = (d: string | null) => d === null || isIsoDateText(d);
  return (
    s.companyId !== '' &&
    isPercent(s.votingPct) &&
    dateOk(s.validFrom) &&
    dateOk(s.validTo) &&
    (s.validFrom === null || s.validTo === null || s.validFrom < s.validTo)
  );
}

function isPercent(text: string): boolean {
  return isDecimalText(text) && decimalTextInRange(text, 'percent');
}

interface Boundary {
  /** null sorts first: "before any dated start". */
  date: string | null;
  starts: DatedStake[];
  ends: DatedStake[];
}

function firstOverSubscription(
  list: readonly DatedStake[],
): Omit<OverSubscription, 'companyId'> | null {
  const boundaries = new Map<string | null, Boundary>();
  const at = (date: string | null): Boundary => {
    let b = boundaries.get(date);
    if (!b) boundaries.set(date, (b = { date, starts: [], ends: [] }));
    return b;
  };
  for (const s of list) {
    at(s.stake.validFrom).starts.push(s);
    if (s.stake.validTo !== null) at(s.stake.validTo).ends.push(s);
  }
  const ordered = [...boundaries.values()].sort((a, b) =>
    a.date === b.date ? 0 : a.date === null ? -1 : b.date === null ? 1 : a.date < b.date ? -1 : 1,
  );
  const active = new Set<DatedStake>();
  let total: Decimal = ZERO;
  for (const b of ordered) {
    // validTo is exclusive: a stake ending on d no longer counts on d.
    for (const s of b.ends) {
      if (active.delete(s)) total = total.minus(s.stake.votingPct);
    }
    for (const s of b.starts) {
      active.add(s);
      total = total.plus(s.stake.votingPct);
    }
    if (b.starts.length > 0 && total.greaterThan(HUNDRED)) {
      let line = -1;
      for (const s of active) if (s.line !== null && s.line > line) line = s.line;
      if (line < 0) continue;
      return { date: b.date, total: total.toFixed(), line };
    }
  }
  return null;
}
