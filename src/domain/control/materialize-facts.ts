/**
 * Raw integer facts to the public ControlFact: ids, evidence rows and a sentence, in a
 * deterministic order (controller id, controlled id, rule number, evidence ids).
 */
import { CompactGraph } from './compact-graph';
import { describeFact } from './describe-fact';
import { factEvidence } from './evidence';
import { RawFact } from './raw-fact';
import { ControlFact, ruleOrder } from './types';

export function materializeFacts(
  g: CompactGraph,
  threshold: string,
  raw: readonly RawFact[],
): ControlFact[] {
  const facts = raw.map((f) => ({
    from: f.from,
    to: f.to,
    fact: {
      controllerId: g.index.idOf(f.from),
      controlledId: g.index.idOf(f.to),
      rule: f.rule,
      directed: f.directed,
      joinsGroup: f.joinsGroup,
      pooledPct: f.pooledPct,
      poolIds: [...new Set(f.poolIds)].sort((a, b) => a - b).map((x) => g.index.idOf(x)),
      evidence: factEvidence(g, f),
      description: describeFact(g, threshold, f),
    } satisfies ControlFact,
  }));
  facts.sort(
    (a, b) =>
      a.from - b.from ||
      a.to - b.to ||
      ruleOrder(a.fact.rule) - ruleOrder(b.fact.rule) ||
      cmp(evidenceKey(a.fact), evidenceKey(b.fact)),
  );
  return facts.map((f) => f.fact);
}

function evidenceKey(f: ControlFact): string {
  return f.evidence.map((e) => e.id).join('\u0000');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
