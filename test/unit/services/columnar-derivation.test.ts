import fc from 'fast-check';
import { deriveGroups, deriveGroupsOfColumns } from '../../../src/domain/control/derive-groups';
import { coreOf } from '../../../src/domain/control/derivation-core';
import { packedGroupsOf } from '../../../src/domain/control/packed-groups';
import { DEFAULT_CONTROL_POLICY } from '../../../src/domain/policy/control-policy';
import { entityOrder } from '../../../src/domain/control/entity-order';
import {
  idColumnOf,
  packedIdColumn,
  packIds,
  unpackIds,
} from '../../../src/domain/control/id-column';
import { ValidationError } from '../../../src/domain/errors';
import type { ControlGraph } from '../../../src/domain/model';
import { controlColumnsOf } from '../../../src/services/derivation/control-columns-of';
import { shapesOf, unpackGroups } from '../../../src/services/derivation/full-derivation';
import { GraphStore, GROUP_EDGE_TABLES } from '../../../src/services/graph-store';
import {
  packedStoredFacts,
  packFacts,
  storedFacts,
} from '../../../src/services/incremental/group-facts';
import { aCompany, aPerson, aRole, aShareholding, graphOf } from '../control/builders';
import { DAY, graphArb } from '../control/graph-arbitraries';

/** A store holding `graph`, entities numbered in `order`, with dead rows in its columns. */
function storeOf(graph: ControlGraph, seed: number): GraphStore {
  const store = GraphStore.from({ ...graph, entities: rotated(graph.entities, seed) });
  // Removed and re-put rows stay in the columns, dead: the derivation must skip them.
  for (const table of GROUP_EDGE_TABLES) {
    const first = graph[table][0];
    if (first === undefined) continue;
    store.removeEdge(table, first.id);
    if (seed % 2 === 0) store.putEdge(table, first as never);
  }
  return store;
}

function rotated<T>(items: T[], by: number): T[] {
  const k = items.length === 0 ? 0 : Math.abs(by) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

describe('derivation from the store columns', () => {
  it('equals the derivation from the records the columns hold: groups, heads, facts, circles', () => {
    fc.assert(
      fc.property(graphArb(true), fc.integer({ min: 0, max: 20 }), (graph, seed) => {
        const store = storeOf(graph, seed);
        const records = deriveGroups(store.all(), DAY);
        const columns = controlColumnsOf(store.columns());
        expect(deriveGroupsOfColumns(columns, DAY)).toEqual(records);
        const fromColumns = deriveGroupsOfColumns(columns, DAY);
        const packed = packedGroupsOf(fromColumns);
        expect(unpackGroups(packed, (i) => store.idAt(i))).toEqual(shapesOf(records));
        // Packed straight from the raw facts, as the worker sends them: the same as packing
        // the stored facts a write keeps.
        const numbers = coreOf(fromColumns)!.numberOf!;
        const policy = DEFAULT_CONTROL_POLICY;
        expect(packedStoredFacts(fromColumns, numbers, policy)).toEqual(
          packFacts(storedFacts(fromColumns, numbers, policy)),
        );
      }),
    );
  });

  it('reports unknown entities as the record derivation does', () => {
    const graph = graphOf({ entities: [aCompany('A'), aPerson('P')] });
    graph.roles = [aRole('P', 'A', 'DIRECTOR', { id: 'R1', appointedBy: 'X' })];
    graph.shareholdings = [aShareholding('P', 'Z', '51', { id: 'S1' })];
    const store = GraphStore.from(graph);
    const problems = (derive: () => unknown): string[] => {
      try {
        derive();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).message.split('\n');
      }
      return [];
    };
    const expected = problems(() => deriveGroups(store.all(), DAY));
    expect(expected).toHaveLength(2);
    expect(problems(() => deriveGroupsOfColumns(controlColumnsOf(store.columns()), DAY))).toEqual(
      expected,
    );
  });
});

describe('entityOrder', () => {
  it('lists the live numbers by id, whatever order they were numbered in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 40 }),
        fc.nat(),
        fc.func(fc.boolean()),
        (ids, split, isDead) => {
          // A sorted run then an unsorted tail, as a store numbers its ids.
          const head = ids.slice(0, split % (ids.length + 1)).sort();
          const numbered = [...head, ...ids.slice(head.length)];
          const dead = Uint8Array.from(numbered, (id) => (isDead(id) ? 1 : 0));
          const expected = numbered
            .map((id, i) => ({ id, i }))
            .filter(({ i }) => dead[i] === 0)
            .sort((a, b) => (a.id < b.id ? -1 : 1))
            .map(({ i }) => i);
          expect([...entityOrder(dead, idColumnOf(numbered))]).toEqual(expected);
          expect([...entityOrder(dead, packedIdColumn(packIds(numbered)))]).toEqual(expected);
        },
      ),
    );
  });
});

describe('entity ids packed into one string', () => {
  it('gives back every id, and orders any two as the strings compare (code units)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 30 }),
        (ids) => {
          const packed = packIds(ids);
          expect(unpackIds(packed)).toEqual(ids);
          const column = packedIdColumn(packed);
          const sign = (x: number) => Math.sign(x);
          for (let a = 0; a < ids.length; a++)
            for (let b = 0; b < ids.length; b++)
              expect(sign(column.compare(a, b))).toBe(
                ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0,
              );
        },
      ),
    );
  });
});
