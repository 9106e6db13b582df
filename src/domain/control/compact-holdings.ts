/**
 * Shareholdings valid on the date, aggregated per (holder, company) pair — two rows of the
 * same holder in the same company (e.g. two share classes) add up — and grouped by
 * company, with a holder-side index for walking "what does x hold".
 */
import { buildCsr, Csr, orderByKeys } from '../graph/csr';
import { Shareholding } from '../model';
import { scalePct } from './percent-scale';

export interface Holdings {
  /** Pairs of company y are `pairStart[y] .. pairStart[y + 1]`, holders ascending. */
  readonly pairStart: Int32Array;
  readonly pairHolder: Int32Array;
  readonly pairCompany: Int32Array;
  /** Voting % × 10^10 (see percent-scale). */
  readonly pairPct: Float64Array;
  /** Rows of pair p are `rowOf[rowStart[p] .. rowStart[p + 1]]` (indices into shares). */
  readonly rowStart: Int32Array;
  readonly rowOf: Int32Array;
  /** Holder -> pair ids (edgeIds of this CSR are pair ids). */
  readonly byHolder: Csr;
}

export function buildHoldings(
  n: number,
  shares: readonly Shareholding[],
  ends: { from: Int32Array; to: Int32Array },
): Holdings {
  const m = shares.length;
  const holder = ends.from;
  const company = ends.to;
  const rowOf = orderByKeys(n, company, holder, m);

  const pairHolder: number[] = [];
  const pairCompany: number[] = [];
  const pairPct: number[] = [];
  const rowStart: number[] = [];
  const pairStart = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) {
    const r = rowOf[i];
    const last = pairHolder.length - 1;
    const pct = scalePct(shares[r].votingPct);
    if (last >= 0 && pairHolder[last] === holder[r] && pairCompany[last] === company[r]) {
      pairPct[last] += pct;
      continue;
    }
    pairHolder.push(holder[r]);
    pairCompany.push(company[r]);
    pairPct.push(pct);
    rowStart.push(i);
    pairStart[company[r] + 1]++;
  }
  rowStart.push(m);
  for (let y = 0; y < n; y++) pairStart[y + 1] += pairStart[y];
  const holders = Int32Array.from(pairHolder);
  return {
    pairStart,
    pairHolder: holders,
    pairCompany: Int32Array.from(pairCompany),
    pairPct: Float64Array.from(pairPct),
    rowStart: Int32Array.from(rowStart),
    rowOf,
    byHolder: buildCsr(n, holders, Int32Array.from(pairCompany)),
  };
}
