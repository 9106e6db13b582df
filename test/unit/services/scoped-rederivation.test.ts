import fc from 'fast-check';
import { generateBank } from '../../../seeds/synthetic/generate-bank';
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import type { GroupShape } from '../../../src/domain/groups';
import {
  FAMILY_RELATIONS,
  LINK_TYPES,
  ROLE_TYPES,
  controlGraphOf,
} from '../../../src/domain/model';
import { DEFAULT_CONTROL_POLICY } from '../../../src/domain/policy/control-policy';
import { shapesOf } from '../../../src/services/derivation/full-derivation';
import {
  controlTargets,
  GROUP_EDGE_TABLES,
  GraphStore,
  type AnyEdge,
  type GroupEdgeTable,
} from '../../../src/services/graph-store';
import {
  rederiveAroundWrite,
  type ScopeLimits,
} from '../../../src/services/incremental/scoped-rederivation';

const TODAY = '2026-09-30';
const UNLIMITED: ScopeLimits = { maxEntities: Infinity, maxRounds: 1_000 };

/** A bank's groups keyed by entity: members (sorted) and heads (primary first). */
function groupsByEntity(shapes: readonly GroupShape[]): Map<string, string> {
  const byEntity = new Map<string, string>();
  for (const g of shapes) {
    const key = `${[...g.memberIds].sort().join(',')} | ${g.headIds.join(',')}`;
    for (const id of g.memberIds) byEntity.set(id, key);
  }
  return byEntity;
}

interface Written {
  touched: string[];
  targets: string[];
}
type Write = (store: GraphStore, pick: (n: number) => number, suffix?: string) => Written;

function put<T extends GroupEdgeTable>(store: GraphStore, table: T, edge: AnyEdge): Written {
  return { touched: store.putEdge(table, edge as never), targets: controlTargets(table, edge) };
}

/** Rows valid from always, with no source. */
const OPEN = { validFrom: null, validTo: null, source: null };
const one = <T>(list: readonly T[], pick: (n: number) => number): T => list[pick(list.length)];

const persons = (store: GraphStore) => store.all().entities.filter((e) => e.kind === 'PERSON');
const companies = (store: GraphStore) => store.all().entities.filter((e) => e.kind === 'COMPANY');
const anyParty = (store: GraphStore) => store.all().entities;

/** The write kinds a steward makes, each on random ends drawn from the bank. */
const WRITES: Record<string, Write> = {
  stake(store, pick, suffix = '') {
    const holders = anyParty(store);
    const targets = companies(store);
    const pct = String(1 + pick(80));
    return put(store, 'shareholdings', {
      id: `SH-NEW${suffix}`,
      holderId: one(holders, pick).id,
      companyId: one(targets, pick).id,
      votingPct: pct,
      equityPct: pct,
      ...OPEN,
    });
  },
  post(store, pick, suffix = '') {
    const people = persons(store);
    const targets = companies(store);
    const appointers = anyParty(store);
    return put(store, 'roles', {
      id: `RO-NEW${suffix}`,
      holderId: one(people, pick).id,
      companyId: one(targets, pick).id,
      role: one(ROLE_TYPES, pick),
      appointedById: pick(2) === 0 ? null : one(appointers, pick).id,
      ...OPEN,
    });
  },
  kin(store, pick, suffix = '') {
    const people = persons(store);
    return put(store, 'familyTies', {
      id: `FT-NEW${suffix}`,
      personAId: one(people, pick).id,
      personBId: one(people, pick).id,
      relation: one(FAMILY_RELATIONS, pick),
      ...OPEN,
    });
  },
  link(store, pick, suffix = '') {
    const parties = anyParty(store);
    return put(store, 'links', {
      id: `LK-NEW${suffix}`,
      fromId: one(parties, pick).id,
      toId: one(parties, pick).id,
      type: one(LINK_TYPES, pick),
      ...OPEN,
      reason: 'test',
    });
  },
  ownership(store, pick) {
    const targets = companies(store);
    const company = one(targets, pick);
    const ownership = company.ownership === 'PRIVATE' ? 'STATE' : 'PRIVATE';
    store.putEntity({ ...company, ownership });
    return { touched: [company.id], targets: [company.id] };
  },
  removal(store, pick) {
    const rows = GROUP_EDGE_TABLES.flatMap((table) =>
      store.all()[table].map((edge) => ({ table, id: edge.id })),
    );
    const row = one(rows, pick);
    const edge = store.edge(row.table, row.id)!;
    return {
      touched: store.removeEdge(row.table, row.id),
      targets: controlTargets(row.table, edge),
    };
  },
};

describe('re-deriving only around a write', () => {
  it('gives every entity the group a whole-bank derivation gives it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 400 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom(...Object.keys(WRITES)),
        fc.infiniteStream(fc.nat()),
        (entities, seed, kind, draws) => {
          const store = GraphStore.from(
            controlGraphOf(generateBank({ entities, seed, asOf: TODAY })),
          );
          const before = shapesOf(deriveGroups(store.all(), TODAY));
          const current = new Map<string, GroupShape>();
          for (const g of before) for (const id of g.memberIds) current.set(id, g);

          const written = WRITES[kind](store, (n) => draws.next().value % n);
          const scoped = rederiveAroundWrite(
            store,
            (id) => current.get(id) ?? { memberIds: [id], headIds: [id] },
            written,
            TODAY,
            DEFAULT_CONTROL_POLICY,
            UNLIMITED,
          )!;
          const combined = new Map(groupsByEntity(before));
          for (const [id, key] of groupsByEntity(scoped.next)) combined.set(id, key);

          const whole = groupsByEntity(shapesOf(deriveGroups(store.all(), TODAY)));
          expect(combined).toEqual(whole);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stays equal to a whole-bank derivation over a run of writes, each on the last result', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 300 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.constantFrom(...Object.keys(WRITES)), { minLength: 2, maxLength: 6 }),
        fc.infiniteStream(fc.nat()),
        (entities, seed, kinds, draws) => {
          const store = GraphStore.from(
            controlGraphOf(generateBank({ entities, seed, asOf: TODAY })),
          );
          const current = new Map<string, GroupShape>();
          const take = (shapes: readonly GroupShape[]) => {
            for (const g of shapes) for (const id of g.memberIds) current.set(id, g);
          };
          take(shapesOf(deriveGroups(store.all(), TODAY)));
          kinds.forEach((kind, i) => {
            // Each write gets an id of its own, so later writes add rather than replace.
            const written = WRITES[kind](store, (n) => draws.next().value % n, `-${i}`);
            const scoped = rederiveAroundWrite(
              store,
              (id) => current.get(id) ?? { memberIds: [id], headIds: [id] },
              written,
              TODAY,
              DEFAULT_CONTROL_POLICY,
              UNLIMITED,
            )!;
            take(scoped.next);
          });
          const whole = groupsByEntity(shapesOf(deriveGroups(store.all(), TODAY)));
          expect(groupsByEntity([...new Set(current.values())])).toEqual(whole);
        },
      ),
      { numRuns: 60 },
    );
  });
});
