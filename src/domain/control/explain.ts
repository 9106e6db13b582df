/**
 * Why an entity is in its group: the chain of facts from a head to it (DESIGN §3,
 * "Explanation is not optional"). The chain starts at the primary head — the head that
 * reaches most members by directed control, ties to the smallest id — and is the shortest
 * path following directed facts forward and undirected facts either way. A member no
 * head reaches that way (a co-controller in a pool, another head tied in only through a
 * jointly controlled company) gets the shortest path ignoring direction; every step still
 * states its fact in the fact's own direction.
 */
import { NotFoundError } from '../errors';
import { buildCsr } from '../graph/csr';
import { groupGraph, GroupGraph } from './group-graph';
import { ControlStep, Derivation } from './types';

type Mode = 'outbound' | 'any';

const primaryCache = new WeakMap<Derivation, Map<number, string[]>>();

export function explainMembership(derivation: Derivation, entityId: string): ControlStep[] {
  const groupIndex = derivation.groupIndexOf.get(entityId);
  if (groupIndex === undefined) throw NotFoundError.entity('entity', entityId);
  const graph = groupGraph(derivation, groupIndex);
  const heads = headsByReach(derivation, groupIndex, graph);
  if (entityId === heads[0]) return [];
  // Three searches at most: from the primary head; from all other heads at once (the
  // nearest wins, ties to the earlier head); then ignoring direction from the primary head.
  const others = heads.slice(1).filter((h) => h !== entityId);
  const path =
    shortestPath(graph, [heads[0]], entityId, 'outbound') ??
    (others.length > 0 ? shortestPath(graph, others, entityId, 'outbound') : null) ??
    shortestPath(graph, [heads[0]], entityId, 'any') ??
    [];
  return path.map(({ from, to, fact }) => {
    const f = derivation.facts[fact];
    return {
      fromId: f.directed ? f.controllerId : from,
      toId: f.directed ? f.controlledId : to,
      rule: f.rule,
      pooledPct: f.pooledPct,
      poolIds: f.poolIds,
      evidence: f.evidence,
      description: f.description,
    };
  });
}

/** The group's heads, the primary head first: most members reached, then smallest id. */
export function headsByReach(
  derivation: Derivation,
  groupIndex: number,
  graph: GroupGraph = groupGraph(derivation, groupIndex),
): string[] {
  let byGroup = primaryCache.get(derivation);
  if (byGroup === undefined) {
    byGroup = new Map();
    primaryCache.set(derivation, byGroup);
  }
  let ordered = byGroup.get(groupIndex);
  if (ordered === undefined) {
    const reach = reachCounts(graph, derivation.groups[groupIndex].headIds);
    ordered = [...reach.keys()].sort(
      (a, b) => (reach.get(b) as number) - (reach.get(a) as number) || (a < b ? -1 : 1),
    );
    byGroup.set(groupIndex, ordered);
  }
  return ordered;
}

/**
 * How many members each head reaches by directed facts. One breadth-first search per
 * head on integer adjacency with an epoch-stamped visited array: a group can have
 * thousands of heads (companies tied only by R10), and per-search maps would dominate.
 */
function reachCounts(graph: GroupGraph, heads: readonly string[]): Map<string, number> {
  const local = new Map<string, number>();
  graph.forEachNode((node) => local.set(node, local.size));
  const from: number[] = [];
  const to: number[] = [];
  graph.forEachDirectedEdge((_e, _a, source, target) => {
    from.push(local.get(source) as number);
    to.push(local.get(target) as number);
  });
  const csr = buildCsr(local.size, from, to);
  const seen = new Int32Array(local.size).fill(-1);
  const queue = new Int32Array(local.size);
  const counts = new Map<string, number>();
  heads.forEach((head, epoch) => {
    let tail = 0;
    queue[tail++] = local.get(head) as number;
    seen[queue[0]] = epoch;
    for (let i = 0; i < tail; i++) {
      const u = queue[i];
      for (let k = csr.offsets[u]; k < csr.offsets[u + 1]; k++) {
        const v = csr.targets[k];
        if (seen[v] !== epoch) {
          seen[v] = epoch;
          queue[tail++] = v;
        }
      }
    }
    counts.set(head, tail);
  });
  return counts;
}

interface Hop {
  from: string;
  to: string;
  fact: number;
}

function shortestPath(
  graph: GroupGraph,
  starts: string[],
  target: string,
  mode: Mode,
): Hop[] | null {
  const via = reachable(graph, starts, mode, target);
  if (!via.has(target)) return null;
  const hops: Hop[] = [];
  for (let hop = via.get(target); hop; hop = via.get(hop.from)) hops.push(hop);
  return hops.reverse();
}

/** Breadth-first search until `target`; neighbours in id order, parallel facts in fact order. */
function reachable(
  graph: GroupGraph,
  starts: string[],
  mode: Mode,
  target: string,
): Map<string, Hop | null> {
  const via = new Map<string, Hop | null>(starts.map((s) => [s, null]));
  const queue = [...starts];
  for (let head = 0; head < queue.length && !via.has(target); head++) {
    const node = queue[head];
    const hops: Hop[] = [];
    const collect = (_e: string, attr: { fact: number }, source: string, target: string): void => {
      hops.push({ from: node, to: source === node ? target : source, fact: attr.fact });
    };
    if (mode === 'outbound') graph.forEachOutboundEdge(node, collect);
    else graph.forEachEdge(node, collect);
    hops.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : a.fact - b.fact));
    for (const hop of hops) {
      if (via.has(hop.to)) continue;
      via.set(hop.to, hop);
      queue.push(hop.to);
    }
  }
  return via;
}
