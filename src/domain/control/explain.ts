/**
 * Why an entity is in its group: the chain of facts from a head to it (DESIGN §3,
 * "Explanation is not optional"). The chain starts at the primary head — the head that
 * controls the largest part of the group (see heads-by-reach) — and is the shortest
 * path following directed facts forward and undirected facts either way. A member no
 * head reaches that way (a co-controller in a pool, another head tied in only through a
 * jointly controlled company) gets the shortest path ignoring direction; every step still
 * states its fact in the fact's own direction.
 */
import { NotFoundError } from '../errors';
import { groupIndexOfEntity } from './derivation-core';
import { groupGraph, GroupGraph } from './group-graph';
import { headsByReach } from './heads-by-reach';
import { ControlStep, Derivation } from './types';

export { headsByReach } from './heads-by-reach';

type Mode = 'outbound' | 'any';

export function explainMembership(derivation: Derivation, entityId: string): ControlStep[] {
  const groupIndex = groupIndexOfEntity(derivation, entityId);
  if (groupIndex === undefined) throw NotFoundError.entity('entity', entityId);
  const graph = groupGraph(derivation, groupIndex);
  const heads = headsByReach(derivation, groupIndex);
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
