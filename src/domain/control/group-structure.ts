/**
 * Groups and heads from the joining facts. A group is a connected component of the
 * undirected union of the facts that join (union-find). Its heads are the members of the
 * source strongly-connected components of the directed joining facts: members no one
 * outside their own control cycle controls (Tarjan, iterative).
 */
import { buildCsr, Csr } from '../graph/csr';
import { sourceComponents, stronglyConnectedComponents } from '../graph/scc';
import { int32, uint8 } from '../graph/typed-arena';
import { UnionFind } from '../graph/union-find';
import { RawFact } from './raw-fact';

export interface GroupStructure {
  /** Group label per entity; groups are numbered by their smallest member. */
  groupOf: Int32Array;
  groupCount: number;
  isHead: Uint8Array;
  /** The directed joining facts as adjacency (controller -> controlled). */
  control: Csr;
}

export function groupStructure(n: number, facts: readonly RawFact[]): GroupStructure {
  const uf = new UnionFind(n);
  const from = int32(facts.length);
  const to = int32(facts.length);
  let edges = 0;
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i];
    if (!f.joinsGroup) continue;
    uf.union(f.from, f.to);
    if (f.directed) {
      from[edges] = f.from;
      to[edges++] = f.to;
    }
  }
  const { labelOf, count } = uf.labels();
  const control = buildCsr(n, from, to, edges);
  const scc = stronglyConnectedComponents(control);
  const source = sourceComponents(control, scc);
  const isHead = uint8(n);
  for (let x = 0; x < n; x++) isHead[x] = source[scc.componentOf[x]];
  return { groupOf: labelOf, groupCount: count, isHead, control };
}
