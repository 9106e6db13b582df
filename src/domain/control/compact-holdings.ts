/**
 * Shareholdings valid on the date, aggregated per (holder, company) pair — two rows of the
 * same holder in the same company (e.g. two share classes) add up — and grouped by
 * company, with a holder-side index for walking "what does x hold".
 */
import { buildCsr, Csr } from '../graph/csr';
import { float64, int32 } from '../graph/typed-arena';

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

/** `pctOfRow`: each row's voting % scaled (see percent-scale), read with its ends. */
export function buildHoldings(
  n: number,
  ends: { from: Int32Array; to: Int32Array },
  pctOfRow: Float64Array,
): Holdings {
  const m = ends.from.length;
  const holder = ends.from;
  const company = ends.to;
  const rowOf = byCompanyThenHolder(n, company, holder, m);

  // At most one pair per row: allocate that once and use the front.
  const pairHolder = int32(m);
  const pairCompany = int32(m);
  const pairPct = float64(m);
  const rowStart = int32(m + 1);
  const pairStart = int32(n + 1);
  let pairs = 0;
  for (let i = 0; i < m; i++) {
    const r = rowOf[i];
    const last = pairs - 1;
    if (last >= 0 && pairHolder[last] === holder[r] && pairCompany[last] === company[r]) {
      pairPct[last] += pctOfRow[r];
      continue;
    }
    pairHolder[pairs] = holder[r];
    pairCompany[pairs] = company[r];
    pairPct[pairs] = pctOfRow[r];
    rowStart[pairs++] = i;
    pairStart[company[r] + 1]++;
  }
  rowStart[pairs] = m;
  for (let y = 0; y < n; y++) pairStart[y + 1] += pairStart[y];
  const holders = pairHolder.subarray(0, pairs);
  const companies = pairCompany.subarray(0, pairs);
  return {
    pairStart,
    pairHolder: holders,
    pairCompany: companies,
    pairPct: pairPct.subarray(0, pairs),
    rowStart: rowStart.subarray(0, pairs + 1),
    rowOf,
    byHolder: buildCsr(n, holders, companies),
  };
}

/**
 * Row indices ordered by (company, holder), ties in row order: a counting sort by company,
 * then each company's rows by (holder, row): insertion sort for the usual handful, a
 * comparison sort for a widely held company. One CSR instead of the two passes of a radix
 * sort over all rows.
 */
function byCompanyThenHolder(
  n: number,
  company: Int32Array,
  holder: Int32Array,
  m: number,
): Int32Array {
  const byCompany = buildCsr(n, company, holder, m);
  const order = byCompany.edgeIds;
  const { offsets } = byCompany;
  const byHolderThenRow = (a: number, b: number): number => holder[a] - holder[b] || a - b;
  for (let y = 0; y < n; y++) {
    const start = offsets[y];
    const end = offsets[y + 1];
    if (end - start > 16) {
      // A widely held company: a comparison sort rather than quadratic insertion.
      order.subarray(start, end).sort(byHolderThenRow);
      continue;
    }
    for (let i = start + 1; i < end; i++) {
      const r = order[i];
      const h = holder[r];
      let j = i - 1;
      // Rows of one company are in row order already, so ties keep it.
      while (j >= start && holder[order[j]] > h) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = r;
    }
  }
  return order;
}
