/**
 * One group's own subgraph as a graphology graph (mixed, multi): members as nodes, the
 * facts that join as edges (directed facts directed, R9/R10/R11 undirected), each edge
 * carrying the index of its fact in `derivation.facts`. Built once per group and cached
 * per derivation; used for explanations, traversal and export.
 */
import { MultiGraph } from 'graphology';
import type { Attributes } from 'graphology-types';
import { NotFoundError } from '../errors';
import { Derivation } from './types';

export interface FactEdgeAttributes extends Attributes {
  fact: number;
}
export type GroupGraph = MultiGraph<Attributes, FactEdgeAttributes>;

const factsByGroupCache = new WeakMap<Derivation, Map<number, number[]>>();
const graphCache = new WeakMap<Derivation, Map<number, GroupGraph>>();

export function groupGraph(derivation: Derivation, groupIndex: number): GroupGraph {
  const group = derivation.groups[groupIndex];
  if (group === undefined) throw NotFoundError.entity('group', String(groupIndex));
  let graphs = graphCache.get(derivation);
  if (graphs === undefined) {
    graphs = new Map();
    graphCache.set(derivation, graphs);
  }
  let graph = graphs.get(groupIndex);
  if (graph === undefined) {
    graph = new MultiGraph<Attributes, FactEdgeAttributes>();
    for (const id of group.memberIds) graph.addNode(id);
    for (const i of factsByGroup(derivation).get(groupIndex) ?? []) {
      const f = derivation.facts[i];
      if (f.directed) graph.addDirectedEdge(f.controllerId, f.controlledId, { fact: i });
      else graph.addUndirectedEdge(f.controllerId, f.controlledId, { fact: i });
    }
    graphs.set(groupIndex, graph);
  }
  return graph;
}

/** Joining facts by group, in one pass over all facts the first time it is asked. */
function factsByGroup(derivation: Derivation): Map<number, number[]> {
  let byGroup = factsByGroupCache.get(derivation);
  if (byGroup === undefined) {
    byGroup = new Map();
    derivation.facts.forEach((f, i) => {
      if (!f.joinsGroup) return;
      const group = derivation.groupIndexOf.get(f.controllerId) as number;
      const list = byGroup?.get(group);
      if (list === undefined) byGroup?.set(group, [i]);
      else list.push(i);
    });
    factsByGroupCache.set(derivation, byGroup);
  }
  return byGroup;
}
