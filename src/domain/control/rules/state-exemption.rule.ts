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
  const body = [f.from, f.to, ...f.via].find((x) => kind[x] === KIND_CODE.STATE);
  if (body !== undefined) {
    return `${parties[body].name} (${parties[body].id}) is a state body, so this control does not join a group (E1).`;
  }
  return f.throughState
    ? 'This control passes through a state body, so it does not join a group (E1).'
    : null;
}

export function applyStateExemption(ctx: RuleContext, facts: RawFact[]): void {
  for (const f of facts) {
    if (!f.joinsGroup) continue;
    const reason = stateExemption(ctx, f);
    if (reason === null) continue;
    f.joinsGroup = false;
    f.exclusion = reason;
  }
}
