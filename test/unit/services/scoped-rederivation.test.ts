import fc from 'fast-check';
import { generateBank } from '../../../seeds/synthetic/generate-bank';
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import type { GroupShape } from '../../../src/domain/groups';
import { controlGraphOf, type ControlGraph, type Shareholding } from '../../../src/domain/model';
import { DEFAULT_CONTROL_POLICY } from '../../../src/domain/policy/control-policy';
import { shapesOf } from '../../../src/services/derivation/full-derivation';
import { GraphStore } from '../../../src/services/graph-store';
import { rederiveAroundWrite } from '../../../src/services/incremental/scoped-rederivation';
import {
  aCompany,
  aDesignation,
  aFamilyTie,
  aLink,
  aPerson,
  aRole,
  aShareholding,
  aStateBody,
  graphOf,
} from '../control/builders';
import { expectWholeBank, keptFactsText } from './whole-bank-check';
import { UNLIMITED, WriteHarness } from './write-harness';
import {
  groupsByEntity,
  ownershipChange,
  put,
  removal,
  TODAY,
  WRITES,
  type Pick,
  type Written,
} from './write-fixtures';

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

/**
 * Three minority holders of `company` (5 % each), each held by three others at 20 %, and
 * so on `depth` levels up: no one controls anyone. Ids start with `prefix`.
 */
function minorityTree(company: string, prefix: string, depth: number): Shareholding[] {
  if (depth === 0) return [];
  return [1, 2, 3].flatMap((k) => {
    const holder = `${prefix}${k}`;
    return [
      aShareholding(holder, company, depth === 3 ? '5' : '20'),
      ...minorityTree(holder, `${holder}-`, depth - 1),
    ];
  });
}

describe('the context of a whole-group write, from the kept facts', () => {
  it('leaves out the ownership tree above the scope when no control there joins no group', () => {
    // P1 controls Y, below a three-level tree of minority holders (39 companies) and no
    // state body or severed link: only Y's holders and theirs are read, as rows.
    const store = GraphStore.from(
      graphOf({
        entities: [aPerson('P2')],
        shareholdings: [aShareholding('P1', 'Y', '60'), ...minorityTree('Y', 'H', 3)],
      }),
    );
    const harness = new WriteHarness(store, DEFAULT_CONTROL_POLICY);
    harness.write(put(store, 'familyTies', { ...aFamilyTie('P1', 'P2', 'SPOUSE'), id: 'FT-NEW' }));
    expect(harness.paths).toEqual(['groups']);
    // The scope (P1, Y, P2), Y's three holders (the write reaches Y: with their group part)
    // and their nine holders bare. Walking every ancestor took all 39: 42.
    expect(harness.last!.derived).toBe(15);
    expectWholeBank(harness, DEFAULT_CONTROL_POLICY, true);
  });

  it('still finds a state body two levels up that controls a scope member (E1)', () => {
    // S-1 holds 60 % of X1 and X2, which hold 30 % each of B1 and B2, which hold 30 % each
    // of Y: S-1 controls Y without joining any group. The minority tree above X1 stays out.
    const store = GraphStore.from(
      graphOf({
        entities: [aStateBody('S-1')],
        shareholdings: [
          aShareholding('S-1', 'X1', '60'),
          aShareholding('S-1', 'X2', '60'),
          ...['B1', 'B2'].flatMap((b) => [
            aShareholding('X1', b, '30'),
            aShareholding('X2', b, '30'),
            aShareholding(b, 'Y', '30'),
          ]),
          ...minorityTree('X1', 'T', 3),
        ],
      }),
    );
    const harness = new WriteHarness(store, DEFAULT_CONTROL_POLICY);
    harness.write(ownershipChange(store, 'Y', 'STATE'));
    expect(harness.paths).toEqual(['groups']);
    const kept = harness.facts.of(harness.current.get('Y')!)!.facts;
    expect(keptFactsText(store, kept, ['Y'])).toContain('S-1>Y:13');
    // Y, S-1, B1, B2, X1, X2 and X1's three other holders bare. Every ancestor: 45.
    expect(harness.last!.derived).toBe(9);
    expectWholeBank(harness, DEFAULT_CONTROL_POLICY, true);
  });

  it('walks a holder whose own group a state body controls from above it (E1, no fact of its own)', () => {
    // S-1 controls H, which controls U: U's only fact is H's, yet S-1's tally at Y counts
    // U's 30 % beside V's. The write is on Z, which Y controls: Y is in the scope but not
    // below the write, so its holders come bare, and U's kept facts all join: its group's
    // facts show the state body above it.
    const store = GraphStore.from(
      graphOf({
        entities: [aStateBody('S-1')],
        shareholdings: [
          aShareholding('S-1', 'H', '60'),
          aShareholding('H', 'U', '60'),
          aShareholding('S-1', 'V', '60'),
          aShareholding('U', 'Y', '30'),
          aShareholding('V', 'Y', '30'),
          aShareholding('Y', 'Z', '60'),
        ],
      }),
    );
    const harness = new WriteHarness(store, DEFAULT_CONTROL_POLICY);
    expect(harness.current.get('U')!.memberIds).toEqual(['H', 'U']);
    expect(harness.current.get('Y')!.memberIds).toEqual(['Y', 'Z']);
    harness.write(ownershipChange(store, 'Z', 'STATE'));
    expect(harness.paths).toEqual(['groups']);
    const kept = harness.facts.of(harness.current.get('Y')!)!.facts;
    expect(keptFactsText(store, kept, ['Y'])).toContain('S-1>Y:13');
    expectWholeBank(harness, DEFAULT_CONTROL_POLICY, true);
  });
});

const LAYERS = [
  ['A1', 'A2', 'A3', 'A4'],
  ['B1', 'B2', 'B3', 'B4'],
  ['C1', 'C2', 'C3', 'C4'],
  ['D1', 'D2', 'D3'],
];
const LAYERED_COMPANIES = LAYERS.flat();
const LAYERED_PERSONS = ['P1', 'P2', 'P3', 'P4'];
const LAYERED_STATE = ['S-1', 'S-2'];

/**
 * Companies in four layers, each held by two or three parties of the layer above (state
 * bodies above the first), at stakes that sum to control now and then: state bodies
 * control from two or three levels above the companies whole-group writes land on.
 */
function layeredBank(pick: Pick): ControlGraph {
  const one = <T>(list: readonly T[]): T => list[pick(list.length)];
  const pct = () => String(pick(4) === 0 ? 51 + pick(20) : 20 + pick(20));
  const stakes: Shareholding[] = [];
  LAYERS.forEach((layer, level) => {
    const above = level === 0 ? [...LAYERED_STATE, ...LAYERED_PERSONS] : LAYERS[level - 1];
    for (const company of layer) {
      const holders = new Set(Array.from({ length: 2 + pick(2) }, () => one(above)));
      if (pick(4) === 0) holders.add(one([...LAYERED_STATE, ...LAYERED_PERSONS]));
      for (const h of holders)
        stakes.push(aShareholding(h, company, pct(), { id: `SH-${h}-${company}` }));
    }
  });
  return graphOf({
    entities: [
      ...LAYERED_STATE.map((id) => aStateBody(id)),
      ...LAYERED_PERSONS.map((id) => aPerson(id)),
      ...LAYERED_COMPANIES.map((id) => aCompany(id, { boardSeats: 3 })),
    ],
    shareholdings: stakes,
  });
}

/** Whole-group writes on the lower layers, and stakes anywhere (the downstream path). */
const LAYERED_WRITES: Record<string, (store: GraphStore, pick: Pick, id: string) => Written> = {
  kin(store, pick, id) {
    const [a, b] = [LAYERED_PERSONS[pick(4)], LAYERED_PERSONS[pick(4)]];
    return put(store, 'familyTies', { ...aFamilyTie(a, b, 'SIBLING'), id });
  },
  keyPost(store, pick, id) {
    const holder = [...LAYERED_PERSONS, ...LAYERED_STATE][pick(6)];
    const company = LAYERED_COMPANIES[4 + pick(LAYERED_COMPANIES.length - 4)];
    return put(store, 'roles', { ...aRole(holder, company, 'ACTUAL_CONTROLLER'), id });
  },
  appointedKeyPost(store, pick, id) {
    const company = LAYERED_COMPANIES[8 + pick(LAYERED_COMPANIES.length - 8)];
    const appointer = LAYERED_COMPANIES[pick(8)];
    return put(store, 'roles', {
      ...aRole(LAYERED_PERSONS[pick(4)], company, 'LEGAL_REPRESENTATIVE', {
        appointedBy: appointer,
      }),
      id,
    });
  },
  concert(store, pick, id) {
    const [a, b] = [LAYERED_COMPANIES[pick(12)], LAYERED_COMPANIES[pick(15)]];
    return put(store, 'links', { ...aLink(a, b, 'ACTING_IN_CONCERT'), id });
  },
  designation(store, pick, id) {
    const kind = pick(2) === 0 ? 'SEVER' : 'JOIN';
    const holder = [...LAYERED_STATE, ...LAYERED_PERSONS, ...LAYERED_COMPANIES][pick(21)];
    return put(store, 'designations', {
      ...aDesignation(kind, holder, LAYERED_COMPANIES[4 + pick(11)]),
      id,
    });
  },
  ownership: (store, pick) => ownershipChange(store, LAYERED_COMPANIES[4 + pick(11)]),
  stake(store, pick, id) {
    const holder = [...LAYERED_STATE, ...LAYERED_PERSONS, ...LAYERED_COMPANIES][pick(21)];
    const pct = String(pick(2) === 0 ? 51 + pick(20) : 10 + pick(30));
    return put(store, 'shareholdings', {
      ...aShareholding(holder, LAYERED_COMPANIES[pick(15)], pct),
      id,
    });
  },
  removal: (store, pick) => removal(store, pick),
};

describe('whole-group writes below state bodies several levels up', () => {
  it('keep every group and fact equal to a whole-bank derivation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...Object.keys(LAYERED_WRITES)), { minLength: 1, maxLength: 8 }),
        fc.infiniteStream(fc.nat()),
        (kinds, draws) => {
          const pick: Pick = (n) => draws.next().value % n;
          const store = GraphStore.from(layeredBank(pick));
          const harness = new WriteHarness(store, DEFAULT_CONTROL_POLICY);
          kinds.forEach((kind, i) => {
            harness.write(LAYERED_WRITES[kind](store, pick, `NEW-${i}`));
            expectWholeBank(harness, DEFAULT_CONTROL_POLICY, true);
          });
        },
      ),
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? '1') * 300,
        seed: Number(process.env.PROPERTY_SEED ?? '20261208'),
      },
    );
  });
});
