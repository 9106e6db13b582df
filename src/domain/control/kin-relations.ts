/**
 * The family relations kinship walks, as typed adjacency built once per derivation: spouses
 * both ways, child -> parent and parent -> child, each slot carrying its family row.
 */
import { buildCsr, Csr } from '../graph/csr';
import { int32 } from '../graph/typed-arena';
import { CompactGraph } from './compact-graph';

/** One relation as adjacency: slot e of node u leads to `edges.targets[e]` by family row `row[e]`. */
export interface Relation {
  edges: Csr;
  row: Int32Array;
}

/** (source, target, row) triples appended in order, then laid out as CSR (order kept). */
export class EdgeList {
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly rows: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.from = int32(capacity);
    this.to = int32(capacity);
    this.rows = int32(capacity);
  }

  add(from: number, to: number, row: number): void {
    this.from[this.count] = from;
    this.to[this.count] = to;
    this.rows[this.count++] = row;
  }

  relation(nodes: number): Relation {
    const edges = buildCsr(nodes, this.from, this.to, this.count);
    const row = int32(this.count);
    for (let e = 0; e < this.count; e++) row[e] = this.rows[edges.edgeIds[e]];
    return { edges, row };
  }
}

/**
 * Family row indices in id order, equal ids in row order: the indices sorted by a
 * comparator on the ids (a string-keyed map from id to place cost twice as much).
 */
export function byId(g: Pick<CompactGraph, 'familyRelation' | 'familyId'>): Int32Array {
  const ids = new Array<string>(g.familyRelation.length);
  for (let r = 0; r < ids.length; r++) ids[r] = g.familyId(r);
  const order = int32(ids.length);
  for (let r = 0; r < ids.length; r++) order[r] = r;
  // The database loader gives rows in id order: then the identity is the answer.
  if (ascending(ids)) return order;
  return order.sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : a - b));
}

function ascending(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1] > ids[i]) return false;
  return true;
}
