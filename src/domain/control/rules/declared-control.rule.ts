/**
 * R7 declared control: x is y's declared actual controller (an ACTUAL_CONTROLLER role of
 * x in y), or holds a voting proxy or another control agreement over y (VOTING_PROXY,
 * OTHER_CONTROL links from x to y).
 * Source: seed 集团客户认定标准 (一)1 and (二)2 (实际控制人, 协议控制).
 */
import { FactMerger, rawFact, RawFact, RuleContext } from '../raw-fact';
import { ROLE_CODE } from '../row-resolution';
import { linkFacts } from './consolidation.rule';

export function declaredControlFacts(ctx: RuleContext): RawFact[] {
  const merger = new FactMerger();
  for (const fact of linkFacts(ctx, 'R7', new Set(['VOTING_PROXY', 'OTHER_CONTROL']))) {
    merger.add(fact);
  }
  const { roleEnds, roleCode } = ctx.g;
  for (let r = 0; r < roleCode.length; r++) {
    if (roleCode[r] !== ROLE_CODE.ACTUAL_CONTROLLER) continue;
    merger.add(rawFact(roleEnds.from[r], roleEnds.to[r], 'R7', { roleRows: [r] }));
  }
  return merger.facts();
}
