/**
 * Integrated (look-through) ownership (DESIGN §3; Brioschi, Buzzacchi & Colombo 1989,
 * "Risk capital financing and the separation of ownership and control in business
 * groups"): what a holder owns of the target is the sum, over every holding path, of the
 * product of the equity stakes along it. With W the stake matrix this is the Neumann series
 * W + W² + …, i.e. v = e_target + W·v solved per strongly-connected component: acyclic
 * parts exactly in topological order, each cross-holding cycle by one small linear system,
 * so a cycle contributes its closed form instead of a truncated series.
 */
import { ValidationError } from '../errors';
import { Decimal, ZERO } from '../money/decimal';
import { solveLinearSystem } from './gaussian-elimination';
import type { HoldingGraph } from './holding-graph';

/**
 * Per node: the total weight of holding paths from it to the target (node 0, whose own
 * value counts the empty path). Components must come companies-first (strongComponents).
 */
export function lookThroughValues(graph: HoldingGraph, components: number[][]): Decimal[] {
  const value: Decimal[] = graph.ids.map(() => ZERO);
  const componentOf = new Int32Array(graph.ids.length);
  components.forEach((nodes, k) => nodes.forEach((v) => (componentOf[v] = k)));
  components.forEach((nodes, k) => {
    // What each member reaches through holdings that leave its own component.
    const outside = nodes.map((v) => {
      let acc = v === 0 ? new Decimal(1) : ZERO;
      for (const e of graph.holdingsOf[v]) {
        if (componentOf[e.node] !== k) acc = acc.plus(e.fraction.times(value[e.node]));
      }
      return acc;
    });
    if (nodes.length === 1) {
      value[nodes[0]] = outside[0];
      return;
    }
    const solved = solveLinearSystem(cycleMatrix(graph, nodes), outside);
    if (solved === null) {
      const ids = nodes.map((v) => graph.ids[v]);
      throw new ValidationError(
        `integrated ownership: ${ids.join(', ')} hold one another entirely, so no one outside ` +
          'owns them and look-through ownership is undefined',
        { cycle: ids },
      );
    }
    nodes.forEach((v, i) => (value[v] = solved[i]));
  });
  return value;
}

/** I − W restricted to one component: row i says v_i − Σ w_ij·v_j = (paths leaving it). */
function cycleMatrix(graph: HoldingGraph, nodes: number[]): Decimal[][] {
  const local = new Map(nodes.map((v, i) => [v, i]));
  return nodes.map((v, i) => {
    const row = nodes.map((_, j) => (i === j ? new Decimal(1) : ZERO));
    for (const e of graph.holdingsOf[v]) {
      const j = local.get(e.node);
      if (j !== undefined) row[j] = row[j].minus(e.fraction);
    }
    return row;
  });
}
