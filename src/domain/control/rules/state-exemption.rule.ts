/**
 * E1 state exemption (policy, default on): control by a STATE body (a government or
 * SASAC) does not by itself join the companies it controls into one group, and control
 * passing through a state body does not join either. The state body is still reported as
 * their controller. A state-owned COMPANY is an ordinary company.
 * Source: CBIRC 2018 商业银行大额风险暴露管理办法 (state-controlled companies are not
 * connected merely through common state control).
 */
import { KIND_CODE } from '../compact-graph';
import { RawFact, RuleContext } from '../raw-fact';

/** Why E1 keeps a directed fact out of the group union, or null when it does not. */
export function stateExemption(ctx: RuleContext, f: RawFact): string | null {
  if (!ctx.policy.stateExemption || !f.directed) return null;
  const { kind, parties } = ctx.g;
  const body = stateBodyOf(kind, f);
  if (body !== -1) {
    return `${parties[body].name} (${parties[body].id}) is a state body, so this control does not join a group (E1).`;
  }
  return f.throughState
    ? 'This control passes through a state body, so it does not join a group (E1).'
    : null;
}

/** The first state body among the fact's ends and the entities it passes through, or -1. */
function stateBodyOf(kind: Uint8Array, f: RawFact): number {
  if (kind[f.from] === KIND_CODE.STATE) return f.from;
  if (kind[f.to] === KIND_CODE.STATE) return f.to;
  const via = f.via;
  for (let i = 0; i < via.length; i++) if (kind[via[i]] === KIND_CODE.STATE) return via[i];
  return -1;
}

export function applyStateExemption(ctx: RuleContext, facts: RawFact[]): void {
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i];
    if (!f.joinsGroup) continue;
    const reason = stateExemption(ctx, f);
    if (reason === null) continue;
    f.joinsGroup = false;
    f.exclusion = reason;
  }
}
