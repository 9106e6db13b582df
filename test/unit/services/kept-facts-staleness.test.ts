/**
 * Whole-group writes (kinship, R10 posts, acting in concert, designations, entity changes)
 * can change control outside their scope without any group changing shape: control by a
 * state body joins no group (E1), and a severed link neither. Random runs on small banks
 * built around that: every kept fact and every group must match a whole-bank derivation.
 */
import fc from 'fast-check';
import {
  FAMILY_RELATIONS,
  ROLE_TYPES,
  type ControlGraph,
  type Party,
} from '../../../src/domain/model';
import { DEFAULT_CONTROL_POLICY } from '../../../src/domain/policy/control-policy';
import { GraphStore } from '../../../src/services/graph-store';
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
import { ownershipChange, put, removal, type Pick, type Written } from './write-fixtures';
import { expectWholeBank, keptFactsText } from './whole-bank-check';
import { WriteHarness } from './write-harness';

const policy = DEFAULT_CONTROL_POLICY;

const PERSONS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'];
const STATE = ['S-1', 'S-2'];
const COMPANIES = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10'];
const HOLDERS = [...PERSONS, ...STATE, ...COMPANIES];

/** A small bank where state bodies, families and boards reach across groups. */
function smallBank(pick: Pick): ControlGraph {
  const one = <T>(list: readonly T[]): T => list[pick(list.length)];
  const entities: Party[] = [
    ...PERSONS.map((id) => aPerson(id)),
    ...STATE.map((id) => aStateBody(id)),
    ...COMPANIES.map((id) => aCompany(id, { boardSeats: pick(2) === 0 ? 5 : null })),
  ];
  const pct = () => String(pick(3) === 0 ? 51 + pick(30) : 15 + pick(25));
  const stakes = Array.from({ length: 8 + pick(10) }, (_, i) =>
    aShareholding(one(HOLDERS), one(COMPANIES), pct(), { id: `SH${i}` }),
  );
  const roles = Array.from({ length: 3 + pick(8) }, (_, i) =>
    aRole(one(PERSONS), one(COMPANIES), one(ROLE_TYPES), {
      id: `RO${i}`,
      appointedBy: pick(2) === 0 ? one([...STATE, ...COMPANIES]) : undefined,
    }),
  );
  const ties = Array.from({ length: pick(5) }, (_, i) =>
    aFamilyTie(one(PERSONS), one(PERSONS), one(FAMILY_RELATIONS), { id: `FT${i}` }),
  );
  return graphOf({ entities, shareholdings: stakes, roles, familyTies: ties });
}

/** Writes, whole-group ones weighted toward state bodies, families and R10 posts. */
const WRITES: Record<string, (store: GraphStore, pick: Pick, id: string) => Written> = {
  stake(store, pick, id) {
    const pct = String(pick(3) === 0 ? 51 + pick(30) : 10 + pick(30));
    return put(store, 'shareholdings', {
      ...aShareholding(HOLDERS[pick(HOLDERS.length)], COMPANIES[pick(COMPANIES.length)], pct),
      id,
    });
  },
  appointment(store, pick, id) {
    const appointer = [...STATE, ...COMPANIES][pick(STATE.length + COMPANIES.length)];
    return put(store, 'roles', {
      ...aRole(PERSONS[pick(PERSONS.length)], COMPANIES[pick(COMPANIES.length)], 'DIRECTOR', {
        appointedBy: appointer,
      }),
      id,
    });
  },
  keyPost(store, pick, id) {
    const holder = [...PERSONS, ...STATE][pick(PERSONS.length + STATE.length)];
    const role = pick(2) === 0 ? 'LEGAL_REPRESENTATIVE' : 'ACTUAL_CONTROLLER';
    return put(store, 'roles', {
      ...aRole(holder, COMPANIES[pick(COMPANIES.length)], role),
      id,
    });
  },
  kin(store, pick, id) {
    const relation = FAMILY_RELATIONS[pick(FAMILY_RELATIONS.length)];
    return put(store, 'familyTies', {
      ...aFamilyTie(PERSONS[pick(PERSONS.length)], PERSONS[pick(PERSONS.length)], relation),
      id,
    });
  },
  concert(store, pick, id) {
    return put(store, 'links', {
      ...aLink(HOLDERS[pick(HOLDERS.length)], HOLDERS[pick(HOLDERS.length)], 'ACTING_IN_CONCERT'),
      id,
    });
  },
  designation(store, pick, id) {
    const kind = pick(2) === 0 ? 'SEVER' : 'JOIN';
    return put(store, 'designations', {
      ...aDesignation(kind, HOLDERS[pick(HOLDERS.length)], COMPANIES[pick(COMPANIES.length)]),
      id,
    });
  },
  ownership: (store, pick) => ownershipChange(store, COMPANIES[pick(COMPANIES.length)]),
  removal: (store, pick) => removal(store, pick),
};

describe('kept facts after whole-group writes', () => {
  it('re-derives a group two hops below a state body that now controls by a key post (E1)', () => {
    // S-1 becomes Y0's actual controller: with its own stake it now controls Y, and with Y
    // and Y2 it appointed 3 of W's 5 directors. W then has a single (state) controller, so
    // the P1-P2 family no longer controls it by R3 and the group P1, P2, W falls apart, yet
    // no group around the write changes shape.
    const store = GraphStore.from(
      graphOf({
        entities: [aStateBody('S-1'), aCompany('W', { boardSeats: 5 })],
        shareholdings: [
          aShareholding('S-1', 'Y2', '60'),
          aShareholding('Y0', 'Y', '30'),
          aShareholding('S-1', 'Y', '25'),
          aShareholding('P1', 'W', '30'),
          aShareholding('P2', 'W', '30'),
        ],
        roles: [
          aRole('P-D1', 'W', 'DIRECTOR', { appointedBy: 'Y' }),
          aRole('P-D2', 'W', 'DIRECTOR', { appointedBy: 'Y' }),
          aRole('P-D3', 'W', 'DIRECTOR', { appointedBy: 'Y2' }),
        ],
        familyTies: [aFamilyTie('P1', 'P2', 'SPOUSE')],
      }),
    );
    const harness = new WriteHarness(store, policy);
    expect(harness.current.get('W')!.memberIds).toEqual(['P1', 'P2', 'W']);
    const post = { ...aRole('S-1', 'Y0', 'ACTUAL_CONTROLLER'), id: 'RO-NEW' };
    harness.write(put(store, 'roles', post));
    expect(harness.paths).toEqual(['groups']);
    expect(harness.current.get('W')!.memberIds).toEqual(['W']);
    expectWholeBank(harness, policy);
    // And back: the post removed, the family controls W again.
    harness.write({
      touched: store.removeEdge('roles', 'RO-NEW'),
      targets: ['Y0'],
      controlOnly: false,
    });
    expect(harness.current.get('W')!.memberIds).toEqual(['P1', 'P2', 'W']);
    expectWholeBank(harness, policy);
  });

  // A state body that controls from two levels up is in none of the groups a re-derived
  // entity's support walks: here S-1 now controls C1 through A (A through X1 and X2), so
  // with X1 it appointed 2 of W's 3 directors: W has a single controller and leaves the
  // family group. The downstream path must find S-1's hold on A from A's kept facts.
  it('re-derives a family group below a state body two levels up (downstream path)', () => {
    const store = GraphStore.from(
      graphOf({
        entities: [aStateBody('S-1'), aCompany('W', { boardSeats: 3 }), aPerson('P-D9')],
        shareholdings: [
          aShareholding('S-1', 'X1', '60'),
          aShareholding('S-1', 'X2', '60'),
          aShareholding('X1', 'A', '30'),
          aShareholding('X2', 'A', '30'),
          aShareholding('P1', 'W', '30'),
          aShareholding('P2', 'W', '25'),
        ],
        roles: [
          aRole('P-D1', 'W', 'DIRECTOR', { appointedBy: 'C1' }),
          aRole('P-D2', 'W', 'DIRECTOR', { appointedBy: 'X1' }),
        ],
        familyTies: [aFamilyTie('P1', 'P2', 'SPOUSE')],
      }),
    );
    const harness = new WriteHarness(store, policy);
    expect(harness.current.get('W')!.memberIds).toEqual(['P1', 'P2', 'W']);
    const director = { ...aRole('P-D9', 'C1', 'DIRECTOR', { appointedBy: 'A' }), id: 'RO-NEW' };
    harness.write(put(store, 'roles', director));
    expect(harness.paths).toEqual(['downstream']);
    expectWholeBank(harness, policy);
  });

  it('links a company that turns private with one whose key post holder is a relative (R10)', () => {
    // P5 controls C4 as its actual controller; P5's sibling P6 is C5's legal representative.
    // While C5 is a state company R10 does not apply; once private, C5 joins P5's group.
    const store = GraphStore.from(
      graphOf({
        entities: [aCompany('C4'), aCompany('C5', { ownership: 'STATE' })],
        roles: [aRole('P5', 'C4', 'ACTUAL_CONTROLLER'), aRole('P6', 'C5', 'LEGAL_REPRESENTATIVE')],
        familyTies: [aFamilyTie('P5', 'P6', 'SIBLING')],
      }),
    );
    const harness = new WriteHarness(store, policy);
    expect(harness.current.get('C5')!.memberIds).toEqual(['C5']);
    harness.write(ownershipChange(store, 'C5', 'PRIVATE'));
    expect(harness.paths).toEqual(['groups']);
    expect(harness.current.get('C5')!.memberIds).toEqual(['C4', 'C5', 'P5']);
    expectWholeBank(harness, policy);
  });

  it('keeps the facts of a lone company a state body now controls beside the scope (E1)', () => {
    // C1 and C8 each hold 38 % of C3; S-1 holds 54 % of C8. Once S-1 is C1's actual
    // controller it controls C3 by R2 through both, though C8 is in no group near the write
    // and no group changes shape.
    const store = GraphStore.from(
      graphOf({
        entities: [aStateBody('S-1')],
        shareholdings: [
          aShareholding('C1', 'C3', '38'),
          aShareholding('C8', 'C3', '38'),
          aShareholding('S-1', 'C8', '54'),
        ],
      }),
    );
    const harness = new WriteHarness(store, policy);
    const post = { ...aRole('S-1', 'C1', 'ACTUAL_CONTROLLER'), id: 'RO-NEW' };
    harness.write(put(store, 'roles', post));
    expect(harness.paths).toEqual(['groups']);
    expect(harness.current.get('C3')!.memberIds).toEqual(['C3']);
    const c3 = harness.current.get('C3')!;
    const kept = harness.facts.of(c3)!.facts;
    expect(keptFactsText(store, kept, ['C3'])).toContain('S-1>C3:13');
    expectWholeBank(harness, policy);
  });

  it('keeps the facts of a re-derived company a state body controls from two levels up (E1)', () => {
    // S-2 controls X with Y's stake beside its own, and C6 with X's (R2). The state body
    // joins no group, so Y lies in none around C6 when C6 turns state-owned.
    const store = GraphStore.from(
      graphOf({
        entities: [aStateBody('S-2')],
        shareholdings: [
          aShareholding('S-2', 'Y', '60'),
          aShareholding('Y', 'X', '30'),
          aShareholding('S-2', 'X', '30'),
          aShareholding('X', 'C6', '30'),
          aShareholding('S-2', 'C6', '25'),
        ],
      }),
    );
    const harness = new WriteHarness(store, policy);
    harness.write(ownershipChange(store, 'C6', 'STATE'));
    expect(harness.paths).toEqual(['groups']);
    const kept = harness.facts.of(harness.current.get('C6')!)!.facts;
    expect(keptFactsText(store, kept, ['C6'])).toContain('S-2>C6:13');
    expectWholeBank(harness, policy);
  });

  it('matches a whole-bank derivation after each write of random runs mixing both paths', () => {
    let writes = 0;
    const paths = { downstream: 0, groups: 0, component: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...Object.keys(WRITES)), { minLength: 2, maxLength: 10 }),
        fc.infiniteStream(fc.nat()),
        (kinds, draws) => {
          const pick: Pick = (n) => draws.next().value % n;
          const store = GraphStore.from(smallBank(pick));
          const harness = new WriteHarness(store, policy);
          kinds.forEach((kind, i) => {
            harness.write(WRITES[kind](store, pick, `NEW-${i}`));
            expectWholeBank(harness, policy);
          });
          writes += kinds.length;
          for (const p of harness.paths) paths[p]++;
        },
      ),
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? '1') * 400,
        // Fixed so that a run is reproducible; PROPERTY_SEED tries others (3, 1 and
        // 20261207 found the cases named above).
        seed: Number(process.env.PROPERTY_SEED ?? '20261207'),
      },
    );
    // Means little unless both paths ran often, one after the other.
    expect(paths.downstream).toBeGreaterThan(300);
    expect(paths.groups).toBeGreaterThan(300);
    expect(writes).toBeGreaterThan(1500);
  });
});
