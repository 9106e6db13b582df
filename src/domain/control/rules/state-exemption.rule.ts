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

/** Whether E1 keeps a directed fact out of the group union. */
export function isStateExempt(ctx: RuleContext, f: RawFact): boolean {
  if (!ctx.policy.stateExemption || !f.directed) return false;
  return f.throughState || stateBodyOf(ctx.g.kind, f) !== -1;
}

/** Why E1 keeps a directed fact out of the group union, or null when it does not. */
export function stateExemption(ctx: RuleContext, f: RawFact): string | null {
  if (!isStateExempt(ctx, f)) return null;
  const body = stateBodyOf(ctx.g.kind, f);
  return body === -1 ? THROUGH_STATE : bodyReason(ctx, body);
}

const THROUGH_STATE = 'This control passes through a state body, so it does not join a group (E1).';

function bodyReason(ctx: RuleContext, body: number): string {
  const { name, id } = ctx.g.party(body);
  return `${name} (${id}) is a state body, so this control does not join a group (E1).`;
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
  // A few state bodies control many companies: each one's sentence is written once.
  const reasons = new Map<number, string>();
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i];
    if (!f.joinsGroup || !isStateExempt(ctx, f)) continue;
    const body = stateBodyOf(ctx.g.kind, f);
    let reason = body === -1 ? THROUGH_STATE : reasons.get(body);
    if (reason === undefined) reasons.set(body, (reason = bodyReason(ctx, body)));
    f.joinsGroup = false;
    f.exclusion = reason;
  }
}
