/**
 * Groups and heads from joining facts alone, for re-deriving part of the bank without
 * deriving it: the same definitions as `groupStructure` and `headsByReach` (DESIGN §3).
 * A group is a connected component of the undirected union of the joining facts; its
 * heads are the members of the source strongly-connected components of the directed
 * joining facts, the primary head first: the head whose breadth-first claim (from all
 * heads at once, seeded in id order; each member to the nearest head, ties to the smallest
 * id) is largest, ties to the smallest id, the rest by claim then id.
 *
 * Entities are local indices 0..n-1 numbered in id order, so index order is id order.
 */
import { buildCsr, Csr } from '../graph/csr';
import { sourceComponents, stronglyConnectedComponents } from '../graph/scc';
import { UnionFind } from '../graph/union-find';
import { claimFrom, claimScratch, type Scratch } from './heads-by-reach';

export interface JoiningFacts {
  from: ArrayLike<number>;
  to: ArrayLike<number>;
  /** 1 for a directed fact (control), 0 for an undirected one (R9, R10, R11). */
  directed: ArrayLike<number>;
  count: number;
}

export interface IndexedGroup {
  /** Local indices, ascending. */
  members: number[];
  /** Local indices, the primary head first. */
  heads: number[];
}

export function groupsFromFacts(n: number, facts: JoiningFacts): IndexedGroup[] {
  const uf = new UnionFind(n);
  const from = new Int32Array(facts.count);
  const to = new Int32Array(facts.count);
  let edges = 0;
  for (let i = 0; i < facts.count; i++) {
    uf.union(facts.from[i], facts.to[i]);
    if (facts.directed[i] === 1) {
      from[edges] = facts.from[i];
      to[edges++] = facts.to[i];
    }
  }
  const control = buildCsr(n, from, to, edges);
  const scc = stronglyConnectedComponents(control);
  const source = sourceComponents(control, scc);
  const groupAt = new Map<number, IndexedGroup>();
  const groups: IndexedGroup[] = [];
  for (let x = 0; x < n; x++) {
    const root = uf.find(x);
    let group = groupAt.get(root);
    if (!group) {
      group = { members: [], heads: [] };
      groupAt.set(root, group);
      groups.push(group);
    }
    group.members.push(x);
    if (source[scc.componentOf[x]] === 1) group.heads.push(x);
  }
  const scratch = claimScratch(n);
  for (const group of groups) {
    if (group.heads.length > 1) group.heads = byClaim(control, group.heads, scratch);
  }
  return groups;
}

/** Heads ordered by members claimed (descending), then id. */
function byClaim(control: Csr, heads: number[], scratch: Scratch): number[] {
  const counts = claimFrom(control, Int32Array.from(heads), scratch);
  return heads
    .map((_, k) => k)
    .sort((a, b) => counts[b] - counts[a] || a - b)
    .map((k) => heads[k]);
}
