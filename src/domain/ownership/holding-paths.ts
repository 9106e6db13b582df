/**
 * How many distinct holding paths (no entity twice) lead from each holder to the target:
 * shown next to a look-through stake so an analyst knows whether it is one chain or many.
 * Across the component DAG the counts add up in topological order; inside a cross-holding
 * cycle the simple paths are enumerated, which is cheap for the few companies a real
 * cycle has. A pathological cycle stops counting at a budget and reports "too many"
 * as Number.MAX_SAFE_INTEGER rather than hanging.
 */
import type { HoldingGraph } from './holding-graph';

const STEP_BUDGET = 1_000_000;

export function countHoldingPaths(graph: HoldingGraph, components: number[][]): number[] {
  const count = graph.ids.map(() => 0);
  const componentOf = new Int32Array(graph.ids.length);
  components.forEach((nodes, k) => nodes.forEach((v) => (componentOf[v] = k)));
  components.forEach((nodes, k) => {
    for (const start of nodes) {
      count[start] = start === 0 ? 1 : simplePathsFrom(start, k, graph, componentOf, count);
    }
  });
  return count;
}

function simplePathsFrom(
  start: number,
  component: number,
  graph: HoldingGraph,
  componentOf: Int32Array,
  count: number[],
): number {
  const onPath = new Set<number>();
  let total = 0;
  let steps = 0;
  const walk = (v: number): void => {
    if (++steps > STEP_BUDGET) total = Number.MAX_SAFE_INTEGER;
    if (total >= Number.MAX_SAFE_INTEGER) return;
    if (v === 0) {
      total += 1;
      return;
    }
    onPath.add(v);
    for (const e of graph.holdingsOf[v]) {
      if (componentOf[e.node] !== component) total += count[e.node];
      else if (!onPath.has(e.node)) walk(e.node);
    }
    onPath.delete(v);
  };
  walk(start);
  return Math.min(total, Number.MAX_SAFE_INTEGER);
}
