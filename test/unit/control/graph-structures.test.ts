import fc from 'fast-check';
import { buildCsr, orderByKeys, transposeCsr } from '../../../src/domain/graph/csr';
import { GrowableDigraph } from '../../../src/domain/graph/growable-digraph';
import { IdIndex } from '../../../src/domain/graph/id-index';
import { IntBuffer } from '../../../src/domain/graph/int-buffer';
import { Reachability } from '../../../src/domain/graph/reachability';
import { sourceComponents, stronglyConnectedComponents } from '../../../src/domain/graph/scc';
import { UnionFind } from '../../../src/domain/graph/union-find';
import { ValidationError } from '../../../src/domain/errors';

const edgesArb = (n: number) =>
  fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n });

function closure(n: number, edges: [number, number][]): boolean[][] {
  const r = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => i === j));
  for (const [u, v] of edges) r[u][v] = true;
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) r[i][j] ||= r[i][k] && r[k][j];
  return r;
}

describe('IdIndex', () => {
  it('numbers ids in sorted order and answers -1 for unknown ids', () => {
    const index = IdIndex.of(['b', 'a', 'C']);
    expect(index.ids).toEqual(['C', 'a', 'b']);
    expect([index.indexOf('a'), index.indexOf('zz'), index.idOf(2), index.size]).toEqual([
      1,
      -1,
      'b',
      3,
    ]);
  });
  it('rejects duplicate ids', () => {
    expect(() => IdIndex.of(['a', 'a'])).toThrow(ValidationError);
  });
  it('finds every id at its sorted place and no other string', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 200 }), (ids) => {
        const index = IdIndex.of(ids);
        const sorted = [...ids].sort();
        sorted.forEach((id, i) => expect(index.indexOf(id)).toBe(i));
        expect(index.indexOf('an id longer than six')).toBe(-1);
      }),
    );
  });
});

describe('CSR', () => {
  it('groups edges by source, keeping input order, with edge ids', () => {
    const csr = buildCsr(3, [2, 0, 2, 0], [0, 1, 1, 2]);
    expect(Array.from(csr.offsets)).toEqual([0, 2, 2, 4]);
    expect(Array.from(csr.targets)).toEqual([1, 2, 0, 1]);
    expect(Array.from(csr.edgeIds)).toEqual([1, 3, 0, 2]);
    const t = transposeCsr(csr);
    expect(Array.from(t.offsets)).toEqual([0, 1, 3, 4]);
    expect(Array.from(t.targets)).toEqual([2, 0, 2, 0]);
    expect(Array.from(t.edgeIds)).toEqual([0, 1, 2, 3]);
  });
  it('orders by two keys stably', () => {
    expect(Array.from(orderByKeys(3, [1, 0, 1, 0, 1], [2, 2, 0, 1, 0]))).toEqual([3, 1, 2, 4, 0]);
  });
});

describe('UnionFind', () => {
  it('labels sets in order of their smallest member', () => {
    const uf = new UnionFind(5);
    expect(uf.union(4, 1)).toBe(true);
    expect(uf.union(1, 4)).toBe(false);
    uf.union(3, 2);
    expect(Array.from(uf.labels().labelOf)).toEqual([0, 1, 2, 2, 1]);
    expect(uf.labels().count).toBe(3);
  });
  it('matches the reachability of the undirected graph (property)', () => {
    fc.assert(
      fc.property(edgesArb(8), (edges) => {
        const uf = new UnionFind(8);
        edges.forEach(([a, b]) => uf.union(a, b));
        const r = closure(8, [...edges, ...edges.map(([a, b]) => [b, a] as [number, number])]);
        for (let i = 0; i < 8; i++)
          for (let j = 0; j < 8; j++) expect(uf.connected(i, j)).toBe(r[i][j]);
      }),
    );
  });
});

describe('strongly connected components (iterative Tarjan)', () => {
  it.each([
    [
      'a chain',
      [
        [0, 1],
        [1, 2],
      ],
      [1, 0, 0],
    ],
    [
      'a cycle with a tail',
      [
        [0, 1],
        [1, 0],
        [1, 2],
      ],
      [1, 1, 0],
    ],
    [
      'a self-loop',
      [
        [0, 0],
        [1, 2],
      ],
      [1, 1, 0],
    ],
    [
      'two sources into one',
      [
        [0, 2],
        [1, 2],
      ],
      [1, 1, 0],
    ],
  ] as [string, [number, number][], number[]][])('%s', (_name, edges, sources) => {
    const csr = buildCsr(
      3,
      edges.map((e) => e[0]),
      edges.map((e) => e[1]),
    );
    const scc = stronglyConnectedComponents(csr);
    const isSource = sourceComponents(csr, scc);
    expect([0, 1, 2].map((x) => isSource[scc.componentOf[x]])).toEqual(sources);
  });

  it('handles a 200 000-node cycle without recursion', () => {
    const n = 200_000;
    const from = Int32Array.from({ length: n }, (_, i) => i);
    const to = Int32Array.from({ length: n }, (_, i) => (i + 1) % n);
    expect(stronglyConnectedComponents(buildCsr(n, from, to)).count).toBe(1);
  });

  it('puts u and v together exactly when each reaches the other (property)', () => {
    fc.assert(
      fc.property(edgesArb(7), (edges) => {
        const scc = stronglyConnectedComponents(
          buildCsr(
            7,
            edges.map((e) => e[0]),
            edges.map((e) => e[1]),
          ),
        );
        const r = closure(7, edges);
        for (let i = 0; i < 7; i++)
          for (let j = 0; j < 7; j++)
            expect(scc.componentOf[i] === scc.componentOf[j]).toBe(r[i][j] && r[j][i]);
      }),
    );
  });
});

describe('GrowableDigraph and Reachability', () => {
  it('walks ancestors and descendants as edges are added past the initial capacity', () => {
    const g = new GrowableDigraph(6, 1);
    const reach = new Reachability(g);
    [
      [0, 1],
      [1, 2],
      [2, 0],
      [3, 2],
      [4, 5],
    ].forEach(([u, v]) => g.addEdge(u, v));
    const up = new IntBuffer(1);
    reach.ancestors(2, up);
    expect(Array.from(up.toArray()).sort()).toEqual([0, 1, 2, 3]);
    const down = new IntBuffer();
    reach.descendants([3, 4, 3], down);
    expect(Array.from(down.toArray()).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(g.edgeCount).toBe(5);
  });
});
