import fc from 'fast-check';
import {
  emptyControlGraph,
  type ControlGraph,
  type Party,
  type Shareholding,
} from '../../../src/domain/model';
import { GraphStore } from '../../../src/services/graph-store';
import { aParty } from '../../support/builders';

const party = (id: string): Party => aParty(id, { kind: 'COMPANY' });
const stake = (id: string, holderId: string, companyId: string): Shareholding => ({
  id,
  holderId,
  companyId,
  votingPct: '10',
  equityPct: '10',
  validFrom: null,
  validTo: null,
  source: null,
});

function graphOf(n: number, edges: [number, number][]): ControlGraph {
  const graph = emptyControlGraph();
  for (let i = 0; i < n; i++) graph.entities.push(party(`E${i}`));
  edges.forEach(([a, b], i) => graph.shareholdings.push(stake(`S${i}`, `E${a}`, `E${b}`)));
  return graph;
}

/** Components by brute force: repeated merging of edge ends. */
function naiveComponent(n: number, edges: [number, number][], seed: number): Set<string> {
  const label = Array.from({ length: n }, (_, i) => i);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [a, b] of edges) {
      const m = Math.min(label[a], label[b]);
      if (label[a] !== m || label[b] !== m) {
        label[a] = label[b] = m;
        changed = true;
      }
    }
  }
  return new Set(label.flatMap((l, i) => (l === label[seed] ? [`E${i}`] : [])));
}

describe('GraphStore', () => {
  it('finds the weakly-connected component of an entity, whatever the edge direction', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(
              fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a !== b),
              { maxLength: 20 },
            ),
            fc.nat(n - 1),
          ),
        ),
        ([n, edges, seed]) => {
          const store = GraphStore.from(graphOf(n, edges));
          expect(store.componentOf([`E${seed}`])).toEqual(naiveComponent(n, edges, seed));
        },
      ),
    );
  });

  it('gives the subgraph of a component in id order, whatever the write order', () => {
    const graph = graphOf(4, [
      [2, 3],
      [0, 1],
      [1, 2],
    ]);
    const reversed = { ...graph, shareholdings: [...graph.shareholdings].reverse() };
    const a = GraphStore.from(graph);
    const b = GraphStore.from(reversed);
    const ids = a.componentOf(['E0']);
    expect(a.subgraph(ids)).toEqual(b.subgraph(ids));
    expect(a.subgraph(ids).shareholdings.map((s) => s.id)).toEqual(['S0', 'S1', 'S2']);
  });

  it('splits a component when an edge is removed, and re-joins it when put back', () => {
    const store = GraphStore.from(
      graphOf(3, [
        [0, 1],
        [1, 2],
      ]),
    );
    const edge = store.edge('shareholdings', 'S1')!;
    expect(store.removeEdge('shareholdings', 'S1')).toEqual(['E1', 'E2']);
    expect(store.componentOf(['E0'])).toEqual(new Set(['E0', 'E1']));
    expect(store.putEdge('shareholdings', edge)).toEqual(['E1', 'E2']);
    expect(store.componentOf(['E0']).size).toBe(3);
  });

  it('replacing an edge re-points it: both the old and the new ends are touched', () => {
    const store = GraphStore.from(graphOf(4, [[0, 1]]));
    const touched = store.putEdge('shareholdings', stake('S0', 'E2', 'E3'));
    expect(touched.sort()).toEqual(['E0', 'E1', 'E2', 'E3']);
    expect(store.componentOf(['E0'])).toEqual(new Set(['E0']));
    expect(store.componentOf(['E2'])).toEqual(new Set(['E2', 'E3']));
  });

  it('keeps guarantees out of components but lists them for circle searches', () => {
    const graph = graphOf(2, []);
    graph.guarantees.push({
      id: 'G1',
      guarantorId: 'E0',
      borrowerId: 'E1',
      amount: '1',
      currency: 'CNY',
      validFrom: null,
      validTo: null,
    });
    const store = GraphStore.from(graph);
    expect(store.componentOf(['E0'])).toEqual(new Set(['E0']));
    expect(
      store
        .guaranteeGraph()
        .entities.map((e) => e.id)
        .sort(),
    ).toEqual(['E0', 'E1']);
  });
});
