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
  const rows: number[] = [];
  for (let i = h.rowStart[p]; i < h.rowStart[p + 1]; i++) rows.push(h.rowOf[i]);
  return rows;
}
