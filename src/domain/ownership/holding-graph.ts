/**
 * The equity-holding graph upstream of one company on one date: only rows valid on `asOf`
 * (model.ts `isValidOn`) with a positive equity stake, restricted to the holders that reach
 * the target through some chain of holdings. Look-through ownership needs nothing else, and
 * the upstream closure of one company is small even when the bank's graph is not.
 */
import { isValidOn, type IsoDate, type Shareholding } from '../model';
import { Decimal, HUNDRED, ZERO } from '../money/decimal';

export interface HoldingEdge {
  /** Node index of the other end: the holder on `holdersOf`, the company on `holdingsOf`. */
  node: number;
  /** Equity held as a fraction (0.51 for 51 %). */
  fraction: Decimal;
}

export interface HoldingGraph {
  /** Node index → entity id; node 0 is the target. */
  ids: string[];
  holdersOf: HoldingEdge[][];
  holdingsOf: HoldingEdge[][];
}

export function upstreamHoldingGraph(
  shareholdings: readonly Shareholding[],
  targetId: string,
  asOf: IsoDate,
): HoldingGraph {
  const stakes = equityStakesOn(shareholdings, asOf);
  const ids = [targetId];
  const indexOf = new Map([[targetId, 0]]);
  for (let i = 0; i < ids.length; i++) {
    for (const holderId of sortedKeys(stakes.get(ids[i]))) {
      if (!indexOf.has(holderId)) {
        indexOf.set(holderId, ids.length);
        ids.push(holderId);
      }
    }
  }
  const holdersOf: HoldingEdge[][] = ids.map(() => []);
  const holdingsOf: HoldingEdge[][] = ids.map(() => []);
  ids.forEach((companyId, company) => {
    const holders = stakes.get(companyId);
    for (const holderId of sortedKeys(holders)) {
      const holder = indexOf.get(holderId) as number;
      const fraction = (holders?.get(holderId) as Decimal).dividedBy(HUNDRED);
      holdersOf[company].push({ node: holder, fraction });
      holdingsOf[holder].push({ node: company, fraction });
    }
  });
  return { ids, holdersOf, holdingsOf };
}

/**
 * company id → holder id → equity % on `asOf`. Several rows between the same pair (share
 * classes, tranches) add up. A company's stake in itself (treasury shares) is not an owner
 * and is dropped; validation rejects such rows anyway (DESIGN §7).
 */
function equityStakesOn(
  shareholdings: readonly Shareholding[],
  asOf: IsoDate,
): Map<string, Map<string, Decimal>> {
  const stakes = new Map<string, Map<string, Decimal>>();
  for (const row of shareholdings) {
    if (row.holderId === row.companyId || !isValidOn(row, asOf)) continue;
    const pct = new Decimal(row.equityPct);
    if (pct.lessThanOrEqualTo(ZERO)) continue;
    const holders = stakes.get(row.companyId) ?? new Map<string, Decimal>();
    holders.set(row.holderId, (holders.get(row.holderId) ?? ZERO).plus(pct));
    stakes.set(row.companyId, holders);
  }
  return stakes;
}

function sortedKeys(map: Map<string, unknown> | undefined): string[] {
  return map === undefined ? [] : [...map.keys()].sort(compareIds);
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
