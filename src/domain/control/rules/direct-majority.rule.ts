/**
 * R1 direct majority: x holds more than the threshold (default 50 %) of y's voting
 * capital. Exactly 50 % is not control.
 * Source: CBRC 商业银行集团客户授信业务风险管理指引 / seed 集团客户认定标准 (二)1.
 */
import { rawFact, RawFact, RuleContext } from '../raw-fact';

export function directMajorityFacts(ctx: RuleContext): RawFact[] {
  const h = ctx.g.holdings;
  const facts: RawFact[] = [];
  for (let p = 0; p < h.pairHolder.length; p++) {
    if (h.pairPct[p] > ctx.threshold) {
      facts.push(rawFact(h.pairHolder[p], h.pairCompany[p], 'R1', { shareRows: pairRows(ctx, p) }));
    }
  }
  return facts;
}

/** Indices into `g.shares` of the rows behind holding pair p. */
export function pairRows(ctx: RuleContext, p: number): number[] {
  const h = ctx.g.holdings;
  const start = h.rowStart[p];
  const count = h.rowStart[p + 1] - start;
  // Sized exactly: a list grown by push reserves 17 slots, and most pairs have one row
  // (half a million facts at a million entities, all kept until the derivation is dropped).
  if (count === 1) return [h.rowOf[start]];
  const rows = new Array<number>(count);
  for (let i = 0; i < count; i++) rows[i] = h.rowOf[start + i];
  return rows;
}

/** The rows behind the pairs `start + slot` of each slot, in slot order, in one exact list. */
export function slotRows(ctx: RuleContext, start: number, slots: readonly number[]): number[] {
  const { rowStart, rowOf } = ctx.g.holdings;
  let count = 0;
  for (const slot of slots) count += rowStart[start + slot + 1] - rowStart[start + slot];
  const rows = new Array<number>(count);
  let k = 0;
  for (const slot of slots) {
    for (let i = rowStart[start + slot]; i < rowStart[start + slot + 1]; i++) rows[k++] = rowOf[i];
  }
  return rows;
}
