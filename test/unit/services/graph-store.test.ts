import fc from 'fast-check';
import {
  emptyControlGraph,
  type ControlGraph,
  type Party,
  type Shareholding,
} from '../../../src/domain/model';
import { GraphStore } from '../../../src/services/graph-store';
import { TABLE_FIELDS } from '../../../src/services/graph-tables';
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

  it('names an edge by the same key from either end', () => {
    const store = GraphStore.from(graphOf(2, [[0, 1]]));
    const [fromHolder] = store.incidentEdges('E0');
    const [fromCompany] = store.incidentEdges('E1');
    expect(fromHolder.key).toBe(fromCompany.key);
    expect(store.edge('shareholdings', 'S0')).toEqual(fromHolder.edge);
    expect(fromHolder).toEqual({
      table: 'shareholdings',
      edge: stake('S0', 'E0', 'E1'),
      key: fromCompany.key,
    });
  });

  it('reads an edge as a reference without its record: ends, dates, role', () => {
    const store = GraphStore.from(graphOf(3, []));
    store.putEdge('roles', {
      id: 'R1',
      holderId: 'E0',
      companyId: 'E1',
      role: 'LEGAL_REPRESENTATIVE',
      appointedById: 'E2',
      validFrom: '2024-01-01',
      validTo: null,
      source: null,
    });
    const [ref] = store.incidentRefs('E2');
    expect(ref).toEqual({
      table: 'roles',
      key: ref.key,
      ends: ['E0', 'E1', 'E2'],
      validFrom: '2024-01-01',
      validTo: null,
      role: 'LEGAL_REPRESENTATIVE',
    });
    expect(store.edgeByKey(ref.key)).toEqual(store.edge('roles', 'R1'));
    expect(store.incidentRefs('E0')[0].key).toBe(ref.key);
  });

  it('keeps endpoints that are not entities in components, never among entities', () => {
    const store = GraphStore.from(graphOf(1, []));
    store.putEdge('shareholdings', stake('S9', 'E0', 'X'));
    expect(store.hasEntity('X')).toBe(false);
    expect(store.entityCount).toBe(1);
    expect(store.componentOf(['E0'])).toEqual(new Set(['E0', 'X']));
    expect(store.componentOf(['X'])).toEqual(new Set());
    store.putEntity(party('X'));
    expect(store.entityCount).toBe(2);
    expect(store.subgraph(store.componentOf(['X'])).entities.map((e) => e.id)).toEqual(['E0', 'X']);
  });

  it('gives back every field as written, nulls included', () => {
    const store = GraphStore.from(emptyControlGraph());
    const entity: Party = { ...party('A'), name: '长江控股 Changjiang', boardSeats: 7, lei: null };
    store.putEntity(entity);
    store.putEntity({ ...entity, name: 'renamed' });
    const role = {
      id: 'R1',
      holderId: 'P',
      companyId: 'A',
      role: 'CHAIRMAN' as const,
      appointedById: null,
      validFrom: '2020-01-01',
      validTo: null,
      source: 'registry',
    };
    store.putEdge('roles', role);
    expect(store.entity('A')).toEqual({ ...entity, name: 'renamed' });
    expect(store.edge('roles', 'R1')).toEqual(role);
    const guarantee = {
      id: 'G1',
      guarantorId: 'A',
      borrowerId: 'P',
      amount: '1000000.50',
      currency: 'CNY',
      validFrom: null,
      validTo: '2030-12-31',
    };
    store.putGuarantee(guarantee);
    expect(store.guarantee('G1')).toEqual(guarantee);
    store.removeGuarantee('G1');
    expect(store.guarantee('G1')).toBeUndefined();
    expect(store.all().guarantees).toEqual([]);
  });

  it('hands its columns to another thread and gets the same graph back', () => {
    const store = GraphStore.from(
      graphOf(5, [
        [0, 1],
        [1, 2],
        [3, 4],
      ]),
    );
    store.removeEdge('shareholdings', 'S1');
    store.putEdge('shareholdings', stake('S7', 'E4', 'E0'));
    const copied = GraphStore.graphOf(structuredClone(store.columns()));
    expect(copied).toEqual(store.all());
    expect(copied.shareholdings.map((s) => s.id).sort()).toEqual(['S0', 'S2', 'S7']);
  });
});

describe('narrow code columns', () => {
  /** A day number as a date: every row its own date. */
  const dayOf = (k: number) => new Date(Date.UTC(1900, 0, 1 + k)).toISOString().slice(0, 10);

  it('start at 8 bits for codes and 16 for dates, and widen as their dictionaries grow', () => {
    const graph = graphOf(2, []);
    const rows = 40_000;
    for (let k = 0; k < rows; k++) {
      graph.shareholdings.push({
        ...stake(`S${k}`, 'E0', 'E1'),
        votingPct: k % 200 === 0 ? `${k / 1000}` : '10',
        validFrom: dayOf(k),
      });
    }
    const store = GraphStore.from(graph);
    const columns = store.columns().tables;
    const width = (table: 'entities' | 'shareholdings', field: string) =>
      columns[table].ints[TABLE_FIELDS[table].findIndex((f) => f.name === field)]!
        .BYTES_PER_ELEMENT;
    expect(width('entities', 'kind')).toBe(1);
    expect(width('entities', 'boardSeats')).toBe(4);
    expect(width('shareholdings', 'votingPct')).toBe(2);
    expect(width('shareholdings', 'source')).toBe(1);
    expect(width('shareholdings', 'validFrom')).toBe(4);
    expect(width('shareholdings', 'validTo')).toBe(2);
    expect(store.all().shareholdings).toEqual(graph.shareholdings);
  });
});
