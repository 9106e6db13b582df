/**
 * R6 consolidation: x consolidates y in its financial statements (a CONSOLIDATION link
 * from x to y).
 * Source: seed 集团客户认定标准 (二)3 (纳入合并财务报表).
 */
import { uint8 } from '../../graph/typed-arena';
import { LINK_TYPES } from '../../model';
import { FactMerger, rawFact, RawFact, RuleContext } from '../raw-fact';

export function consolidationFacts(ctx: RuleContext): RawFact[] {
  return linkFacts(ctx, 'R6', new Set(['CONSOLIDATION']));
}

/** One fact per (from, to) for links of the given types, all rows as evidence. */
export function linkFacts(
  ctx: RuleContext,
  rule: RawFact['rule'],
  types: ReadonlySet<string>,
): RawFact[] {
  const merger = new FactMerger();
  const { linkEnds, linkType } = ctx.g;
  const wanted = uint8(LINK_TYPES.length + 1);
  LINK_TYPES.forEach((type, code) => (wanted[code] = types.has(type) ? 1 : 0));
  for (let r = 0; r < linkType.length; r++) {
    if (wanted[linkType[r]] !== 1) continue;
    merger.add(rawFact(linkEnds.from[r], linkEnds.to[r], rule, { linkRows: [r] }));
  }
  return merger.facts();
}
