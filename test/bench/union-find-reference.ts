/**
 * The machine's floor: connected components by a bare typed-array union-find (Int32Array
 * parent, Uint8Array rank, union by rank, path halving; Tarjan 1975) over the same
 * in-memory graph the derivation reads. Nothing else: no rules, no heads, no evidence.
 *
 * Edge sets (all filtered to edges valid on the date, like the derivation):
 * - `all`: every edge the group derivation reads — shareholdings of any size, roles (holder
 *   and appointer to company), family ties, control links, JOIN designations. The floor for
 *   "touch every input edge once".
 * - `majorityAndLinks`: shareholdings with voting > 50 % plus every control link, undirected:
 *   exactly what the recursive-CTE reference computes, so their component counts must agree.
 * - `anyDate`: the `all` kinds on every date at once: the scope the server re-derives after a
 *   write (GraphStore.componentOf), so its largest component bounds the incremental cost.
 * Interning string ids to integers is timed apart from the union-find proper.
 */
import { performance } from 'node:perf_hooks';
import { scalePct } from '../../src/domain/control/percent-scale';
import { isValidOn, type ControlGraph, type Validity } from '../../src/domain/model';
import { round } from './timing';

export type EdgeSet = 'all' | 'majorityAndLinks' | 'anyDate';

export interface IntEdges {
  n: number;
  from: Int32Array;
  to: Int32Array;
  count: number;
}

export interface ComponentFigures {
  edgeSet: EdgeSet;
  edges: number;
  internMs: number;
  unionFindMs: number;
  components: number;
  largest: number;
}

const FIFTY = scalePct('50');

export function internEdges(graph: ControlGraph, asOf: string, set: EdgeSet): IntEdges {
  const index = new Map<string, number>();
  for (const e of graph.entities) index.set(e.id, index.size);
  const capacity =
    graph.shareholdings.length +
    2 * graph.roles.length +
    graph.familyTies.length +
    graph.links.length +
    graph.designations.length;
  const from = new Int32Array(capacity);
  const to = new Int32Array(capacity);
  let count = 0;
  const add = (a: string | null, b: string) => {
    const x = a === null ? undefined : index.get(a);
    const y = index.get(b);
    if (x === undefined || y === undefined) return;
    from[count] = x;
    to[count++] = y;
  };
  const valid = set === 'anyDate' ? () => true : (v: Validity) => isValidOn(v, asOf);
  const everyKind = set !== 'majorityAndLinks';
  for (const s of graph.shareholdings) {
    if (!valid(s)) continue;
    if (everyKind || scalePct(s.votingPct) > FIFTY) add(s.holderId, s.companyId);
  }
  for (const l of graph.links) if (valid(l)) add(l.fromId, l.toId);
  if (everyKind) {
    for (const r of graph.roles) {
      if (!valid(r)) continue;
      add(r.holderId, r.companyId);
      add(r.appointedById, r.companyId);
    }
    for (const f of graph.familyTies) if (valid(f)) add(f.personAId, f.personBId);
    // The server's any-date scope follows SEVER designations too; the derivation only JOINs.
    for (const d of graph.designations) {
      if ((d.kind === 'JOIN' || set === 'anyDate') && valid(d)) add(d.entityId, d.targetId);
    }
  }
  return { n: index.size, from, to, count };
}

/** Labels every node with its component root; returns the component count and largest size. */
export function unionFindComponents(edges: IntEdges): { components: number; largest: number } {
  const { n, from, to, count } = edges;
  const parent = new Int32Array(n);
  const rank = new Uint8Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  let components = n;
  for (let i = 0; i < count; i++) {
    let a = find(from[i]);
    let b = find(to[i]);
    if (a === b) continue;
    if (rank[a] < rank[b]) [a, b] = [b, a];
    parent[b] = a;
    if (rank[a] === rank[b]) rank[a]++;
    components--;
  }
  const size = new Int32Array(n);
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (++size[r] > largest) largest = size[r];
  }
  return { components, largest };
}

/** Best of `reps` runs of each half (the floor is the fastest the machine managed). */
export function componentReference(
  graph: ControlGraph,
  asOf: string,
  set: EdgeSet,
  reps = 3,
): ComponentFigures {
  let internMs = Infinity;
  let unionFindMs = Infinity;
  let edges: IntEdges | undefined;
  let result = { components: 0, largest: 0 };
  for (let r = 0; r < reps; r++) {
    let t = performance.now();
    edges = internEdges(graph, asOf, set);
    internMs = Math.min(internMs, performance.now() - t);
    t = performance.now();
    result = unionFindComponents(edges);
    unionFindMs = Math.min(unionFindMs, performance.now() - t);
  }
  return {
    edgeSet: set,
    edges: edges!.count,
    internMs: round(internMs),
    unionFindMs: round(unionFindMs),
    ...result,
  };
}
