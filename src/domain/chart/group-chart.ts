/**
 * Builds a group's structure chart from its members, heads and the control facts that touch
 * them (DESIGN §3): members laid out by control, and the outside parties those facts and
 * their evidence name (a state owner exempted by E1, the directors an R4 fact counts, the
 * relatives an R9 chain passes through) marked OUTSIDE and placed beside what they touch.
 */
import { ruleOrder, type ControlFact } from '../control/types';
import type { EntityKind, IsoDate } from '../model';
import { Arc, layeredLayout } from './layered-layout';
import { ChartEdge, ChartEdgeKind, ChartNode, GroupChart } from './types';

export interface ChartParty {
  name: string;
  kind: EntityKind;
}

export interface GroupChartInput {
  groupId: string;
  asOf: IsoDate;
  memberIds: readonly string[];
  headIds: readonly string[];
  /** Facts with at least one member at an end; others are ignored. */
  facts: readonly ControlFact[];
  partyOf: (id: string) => ChartParty | undefined;
}

export function groupChart(input: GroupChartInput): GroupChart {
  const members = new Set(input.memberIds);
  const heads = new Set(input.headIds);
  const facts = input.facts
    .filter((f) => members.has(f.controllerId) || members.has(f.controlledId))
    .sort(byFact);
  const outside = new Set<string>();
  const ties: Arc[] = [];
  const control: Arc[] = [];
  const touch = (from: string, to: string) => {
    for (const id of [from, to]) if (!members.has(id)) outside.add(id);
  };
  for (const f of facts) {
    touch(f.controllerId, f.controlledId);
    const arc: Arc = [f.controllerId, f.controlledId];
    const among = members.has(f.controllerId) && members.has(f.controlledId);
    if (kindOf(f) === 'CONTROL' && among) control.push(arc);
    else ties.push(arc);
    for (const e of f.evidence) {
      if (members.has(e.fromId) && members.has(e.toId)) continue;
      touch(e.fromId, e.toId);
      ties.push([e.fromId, e.toId]);
    }
  }
  const { placements, layers } = layeredLayout({
    members: [...members],
    control,
    satellites: [...outside],
    ties,
  });
  const nodes = layers.flat().map((id): ChartNode => {
    const party = input.partyOf(id);
    const { layer, x, y } = placements.get(id)!;
    const role = heads.has(id) ? 'HEAD' : members.has(id) ? 'MEMBER' : 'OUTSIDE';
    const entityKind = party?.kind ?? null;
    return { id, name: party?.name ?? id, entityKind, role, isHead: role === 'HEAD', layer, x, y };
  });
  return {
    groupId: input.groupId,
    asOf: input.asOf,
    layerCount: layers.length,
    width: layers.reduce((w, layer) => Math.max(w, layer.length), 0),
    nodes,
    edges: edgesOf(facts),
  };
}

function kindOf(f: ControlFact): ChartEdgeKind {
  if (!f.joinsGroup) return 'NOT_JOINING';
  return f.directed ? 'CONTROL' : 'LINK';
}

function edgesOf(facts: readonly ControlFact[]): ChartEdge[] {
  const taken = new Map<string, number>();
  return facts.map((f) => {
    const base = `${f.rule}:${f.controllerId}>${f.controlledId}`;
    const seen = (taken.get(base) ?? 0) + 1;
    taken.set(base, seen);
    return {
      id: seen === 1 ? base : `${base}#${seen}`,
      from: f.controllerId,
      to: f.controlledId,
      rule: f.rule,
      kind: kindOf(f),
      directed: f.directed,
      pooledPct: f.pooledPct,
      poolIds: f.poolIds,
      evidenceIds: f.evidence.map((e) => e.id),
      evidence: f.evidence,
      description: f.description,
    };
  });
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A total order on facts, so edge ids and the picture never depend on derivation order. */
function byFact(a: ControlFact, b: ControlFact): number {
  return (
    compare(a.controllerId, b.controllerId) ||
    compare(a.controlledId, b.controlledId) ||
    ruleOrder(a.rule) - ruleOrder(b.rule) ||
    compare(evidenceKey(a), evidenceKey(b)) ||
    compare(a.description, b.description)
  );
}

function evidenceKey(f: ControlFact): string {
  return f.evidence.map((e) => e.id).join('\u0000');
}
