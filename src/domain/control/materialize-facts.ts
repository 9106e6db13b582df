/**
 * Raw integer facts to the public ControlFact: ids, evidence rows and a sentence, in a
 * deterministic order (controller id, controlled id, rule number, evidence ids).
 */
import { CompactGraph } from './compact-graph';
import { describeFact, pooledTotal } from './describe-fact';
import { factEvidence } from './evidence';
import { RawFact } from './raw-fact';
import { ControlFact, ruleOrder } from './types';

export function materializeFacts(
  g: CompactGraph,
  threshold: string,
  raw: readonly RawFact[],
): ControlFact[] {
  raw.forEach(rowSorter(g));
  const facts = raw.map((f) => ({
    from: f.from,
    to: f.to,
    fact: {
      controllerId: g.index.idOf(f.from),
      controlledId: g.index.idOf(f.to),
      rule: f.rule,
      directed: f.directed,
      joinsGroup: f.joinsGroup,
      pooledPct: f.pooled ? pooledTotal(g, f) : null,
      poolIds:
        f.poolIds.length === 0
          ? []
          : [...new Set(f.poolIds)].sort((a, b) => a - b).map((x) => g.index.idOf(x)),
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

/** Sorts each fact's rows into id order, so neither evidence nor sentences depend on input order. */
function rowSorter(g: CompactGraph): (f: RawFact) => void {
  const byId = (rows: readonly { id: string }[]) => (a: number, b: number) =>
    cmp(rows[a].id, rows[b].id);
  const shares = byId(g.shares);
  const roles = byId(g.roles);
  const links = byId(g.links);
  const family = byId(g.family);
  const designations = byId(g.designations);
  return (f) => {
    if (f.shareRows.length > 1) f.shareRows.sort(shares);
    if (f.roleRows.length > 1) f.roleRows.sort(roles);
    if (f.linkRows.length > 1) f.linkRows.sort(links);
    if (f.familyRows.length > 1) f.familyRows.sort(family);
    if (f.designationRows.length > 1) f.designationRows.sort(designations);
  };
}

function evidenceKey(f: ControlFact): string {
  return f.evidence.map((e) => e.id).join('\u0000');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
