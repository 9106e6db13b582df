/**
 * Compressed sparse row (CSR) adjacency: the edges of node u are
 * `targets[offsets[u] .. offsets[u + 1])`. Built by a stable counting sort, so edges of
 * one node keep their input order and `edgeIds` maps each slot back to the input edge.
 * O(n + m) time, three typed arrays of memory.
 */
import { int32 } from './typed-arena';

export interface Csr {
  readonly nodeCount: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly edgeIds: Int32Array;
}

export function buildCsr(
  nodeCount: number,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
  edgeCount = sources.length,
): Csr {
  if (targets.length < edgeCount || sources.length < edgeCount) {
    throw new RangeError('csr: sources and targets must hold edgeCount entries');
  }
  const offsets = int32(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) offsets[sources[e] + 1]++;
  for (let u = 0; u < nodeCount; u++) offsets[u + 1] += offsets[u];
  const outTargets = int32(edgeCount);
  const edgeIds = int32(edgeCount);
  // offsets[u] serves as u's cursor, ending at u's end = the next start; shifted back after.
  for (let e = 0; e < edgeCount; e++) {
    const slot = offsets[sources[e]]++;
    outTargets[slot] = targets[e];
    edgeIds[slot] = e;
  }
  for (let u = nodeCount; u > 0; u--) offsets[u] = offsets[u - 1];
  offsets[0] = 0;
  return { nodeCount, offsets, targets: outTargets, edgeIds };
}

/** The same edges reversed (v -> u), for walking predecessors. */
export function transposeCsr(csr: Csr): Csr {
  const m = csr.targets.length;
  const sources = int32(m);
  for (let u = 0; u < csr.nodeCount; u++) {
    for (let i = csr.offsets[u]; i < csr.offsets[u + 1]; i++) sources[i] = u;
  }
  const reversed = buildCsr(csr.nodeCount, csr.targets, sources, m);
  // Map back to the caller's original edge ids rather than slots of `csr`.
  const edgeIds = int32(m);
  for (let i = 0; i < m; i++) edgeIds[i] = csr.edgeIds[reversed.edgeIds[i]];
  return { ...reversed, edgeIds };
}

/**
 * Edge indices ordered by (primary, secondary) key, ties in input order: a two-pass LSD
 * radix sort by counting, O(n + m), where comparison sorting 3 M rows would not be.
 */
export function orderByKeys(
  nodeCount: number,
  primary: ArrayLike<number>,
  secondary: ArrayLike<number>,
  edgeCount = primary.length,
): Int32Array {
  const bySecondary = buildCsr(nodeCount, secondary, primary, edgeCount).edgeIds;
  const primaryInOrder = int32(edgeCount);
  for (let i = 0; i < edgeCount; i++) primaryInOrder[i] = primary[bySecondary[i]];
  const byPrimary = buildCsr(nodeCount, primaryInOrder, primaryInOrder, edgeCount).edgeIds;
  const order = int32(edgeCount);
  for (let i = 0; i < edgeCount; i++) order[i] = bySecondary[byPrimary[i]];
  return order;
}
