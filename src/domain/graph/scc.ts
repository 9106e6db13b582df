/**
 * Strongly connected components by Tarjan's algorithm (Tarjan 1972, "Depth-first search
 * and linear graph algorithms"), written iteratively with explicit stacks: groups can
 * have tens of thousands of members and recursion would overflow the call stack.
 * O(n + m). Components are numbered in the order Tarjan completes them, which is a
 * reverse topological order of the condensation.
 */
import { Csr } from './csr';
import { int32, uint8 } from './typed-arena';

export interface SccResult {
  readonly componentOf: Int32Array;
  readonly count: number;
}

export function stronglyConnectedComponents(graph: Csr): SccResult {
  const n = graph.nodeCount;
  const { offsets, targets } = graph;
  const order = int32(n).fill(-1); // discovery index, -1 = unvisited
  const low = int32(n);
  const componentOf = int32(n).fill(-1);
  const onStack = uint8(n);
  const stack = int32(n);
  const callNode = int32(n);
  const callEdge = int32(n);
  let stackTop = 0;
  let counter = 0;
  let count = 0;

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = offsets[root];
    order[root] = low[root] = counter++;
    stack[stackTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const u = callNode[depth];
      const e = callEdge[depth];
      if (e < offsets[u + 1]) {
        callEdge[depth] = e + 1;
        const v = targets[e];
        if (order[v] === -1) {
          order[v] = low[v] = counter++;
          stack[stackTop++] = v;
          onStack[v] = 1;
          depth++;
          callNode[depth] = v;
          callEdge[depth] = offsets[v];
        } else if (onStack[v] === 1 && order[v] < low[u]) {
          low[u] = order[v];
        }
        continue;
      }
      if (low[u] === order[u]) {
        let w: number;
        do {
          w = stack[--stackTop];
          onStack[w] = 0;
          componentOf[w] = count;
        } while (w !== u);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth];
        if (low[u] < low[parent]) low[parent] = low[u];
      }
    }
  }
  return { componentOf, count };
}

/** Which components no edge from another component enters: the condensation's sources. */
export function sourceComponents(graph: Csr, scc: SccResult): Uint8Array {
  const entered = uint8(scc.count);
  for (let u = 0; u < graph.nodeCount; u++) {
    const cu = scc.componentOf[u];
    for (let i = graph.offsets[u]; i < graph.offsets[u + 1]; i++) {
      const cv = scc.componentOf[graph.targets[i]];
      if (cv !== cu) entered[cv] = 1;
    }
  }
  const isSource = uint8(scc.count);
  for (let c = 0; c < scc.count; c++) isSource[c] = entered[c] === 1 ? 0 : 1;
  return isSource;
}
