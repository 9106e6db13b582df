/**
 * Single control as a least fixpoint. The rules that need no control graph (R1, R4 and R5
 * by one appointer alone, R6, R7) seed it; then, round after round, every company whose
 * contributors gained a new controller is re-evaluated for R2, R4 and R5 "with what it
 * controls" against the graph as it stood at the start of the round (Jacobi rounds, so
 * the order companies are visited in does not matter). A pair is recorded only while its
 * controller does not yet reach the company, so each round adds new reachability and the
 * loop ends on cross-holdings and cycles. E1-exempt facts found in the rounds are settled
 * on the final graph instead (`ExemptFacts`), so they do not depend on the round order.
 */
import { IntBuffer } from '../graph/int-buffer';
import { Reachability } from '../graph/reachability';
import { int32, uint8 } from '../graph/typed-arena';
import { ExemptFacts } from './exempt-facts';
import { appendAll, RawFact, RuleContext } from './raw-fact';
import { evaluateBoardMajority, directBoardMajorityFacts } from './rules/board-majority.rule';
import { consolidationFacts } from './rules/consolidation.rule';
import { declaredControlFacts } from './rules/declared-control.rule';
import { directMajorityFacts } from './rules/direct-majority.rule';
import { evaluateIndirectMajority } from './rules/indirect-majority.rule';
import { directKeyExecutiveFacts, evaluateKeyExecutives } from './rules/key-executives.rule';
import { isStateExempt } from './rules/state-exemption.rule';

export function singleControlFacts(ctx: RuleContext, reach: Reachability): RawFact[] {
  const facts: RawFact[] = [];
  const seed = (rule: RawFact['rule'], make: () => RawFact[]): void => {
    if (ctx.enabled(rule)) appendAll(facts, make());
  };
  seed('R1', () => directMajorityFacts(ctx));
  seed('R4', () => directBoardMajorityFacts(ctx));
  seed('R5', () => directKeyExecutiveFacts(ctx));
  seed('R6', () => consolidationFacts(ctx));
  seed('R7', () => declaredControlFacts(ctx));
  const add = (f: RawFact): void => {
    // Tagged edges are E1-exempt: they credit stakes but do not count as a joining link.
    ctx.control.addEdge(f.from, f.to, isStateExempt(ctx, f) ? 1 : 0);
  };
  facts.forEach(add);

  // Read once: the loop below asks for every company of the bank, round after round.
  const r2 = ctx.enabled('R2');
  const r4 = ctx.enabled('R4');
  const r5 = ctx.enabled('R5');
  const pooling = r2 || r4 || r5;
  let dirty = pooling ? allCompanies(ctx) : new Int32Array(0);
  const exempt = new ExemptFacts(ctx, reach);
  while (dirty.length > 0) {
    const round: RawFact[] = [];
    const found: RawFact[] = [];
    const keep = (): void => {
      if (found.length === 0) return;
      // Each fact given an edge adds a reachable pair (joining, or else any), so rounds end.
      for (let i = 0; i < found.length; i++) {
        const f = found[i];
        if (!isStateExempt(ctx, f)) round.push(f);
        else if (!ctx.tally.controlsTargetAtAll(f.from)) round.push(exempt.found(f));
        else exempt.foundReached(f);
      }
      found.length = 0;
    };
    for (let i = 0; i < dirty.length; i++) {
      const y = dirty[i];
      // Each evaluation re-begins the tally for y, so filter its facts right after it.
      if (r2) evaluateIndirectMajority(ctx, y, found);
      keep();
      if (r4) evaluateBoardMajority(ctx, y, found);
      keep();
      if (r5) evaluateKeyExecutives(ctx, y, found);
      keep();
    }
    round.forEach(add);
    appendAll(facts, round);
    dirty = affectedCompanies(ctx, reach, round);
  }
  return exempt.settle(facts);
}

function allCompanies(ctx: RuleContext): Int32Array {
  const out = int32(ctx.g.n);
  for (let y = 0; y < ctx.g.n; y++) out[y] = y;
  return out;
}

/**
 * Companies to look at again: those in which a party that just gained a controller (the
 * new facts' targets and everything below them) holds a stake or appointed someone.
 */
function affectedCompanies(ctx: RuleContext, reach: Reachability, round: RawFact[]): Int32Array {
  if (round.length === 0) return new Int32Array(0);
  const below = new IntBuffer(round.length * 2);
  reach.descendants(
    round.map((f) => f.to),
    below,
  );
  const { holdings, board } = ctx.g;
  const mark = uint8(ctx.g.n);
  const dirty: number[] = [];
  const touch = (y: number): void => {
    if (mark[y] === 0) {
      mark[y] = 1;
      dirty.push(y);
    }
  };
  for (let i = 0; i < below.length; i++) {
    const x = below.at(i);
    const byHolder = holdings.byHolder;
    for (let k = byHolder.offsets[x]; k < byHolder.offsets[x + 1]; k++) touch(byHolder.targets[k]);
    const byAppointer = board.byAppointer;
    for (let k = byAppointer.offsets[x]; k < byAppointer.offsets[x + 1]; k++) {
      touch(byAppointer.targets[k]);
    }
  }
  return Int32Array.from(dirty).sort();
}
