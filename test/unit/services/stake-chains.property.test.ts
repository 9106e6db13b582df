/**
 * Property: stake writes on chains of 25 / 30 / 51 % stakes, level on level, with a state body
 * among the holders (R2 sums and E1 at every level, changes that travel down round after
 * round). After every write the groups and every kept fact equal a whole-bank derivation.
 * The random banks of the other property tests rarely stack such chains; this generator
 * found the counterexamples in found-staleness.test.ts. PROPERTY_SEED / PROPERTY_RUNS try
 * other seeds and more runs (runs = RUNS × 4 000).
 */
import fc from 'fast-check';
import { DEFAULT_CONTROL_POLICY } from '../../../src/domain/policy/control-policy';
import { GraphStore } from '../../../src/services/graph-store';
import { DIRECTED, JOINS, type StoredFact } from '../../../src/services/incremental/group-facts';
import { aCompany, aDesignation, aShareholding, aStateBody, graphOf } from '../control/builders';
import { groupsByEntity, ownershipChange, put, removal, type Written } from './write-fixtures';
import { wholeBank, WriteHarness } from './write-harness';

const policy = DEFAULT_CONTROL_POLICY;
const COMPANIES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
const HOLDERS = [...COMPANIES, 'K', 'S-1'];
const PCTS = ['25', '30', '30', '51', '25'];

function factsOfMembers(store: GraphStore, facts: readonly StoredFact[], members: Set<number>) {
  const kept = facts.filter((f) => (f.flags & (DIRECTED | JOINS)) !== 0 && members.has(f.to));
  return [
    ...new Set(kept.map((f) => `${store.idAt(f.from)}>${store.idAt(f.to)}:${f.flags}`)),
  ].sort();
}

function expectSameAsWholeBank(harness: WriteHarness): void {
  const whole = wholeBank(harness.store, policy);
  expect(groupsByEntity(harness.shapes())).toEqual(groupsByEntity(whole.shapes));
  for (const group of harness.shapes()) {
    const kept = harness.facts.of(group);
    if (!kept) continue;
    const members = new Set(group.memberIds.map((id) => harness.store.numberOfId(id)));
    expect(factsOfMembers(harness.store, kept.facts, members)).toEqual(
      factsOfMembers(harness.store, whole.facts, members),
    );
  }
}

const stake = fc.tuple(
  fc.nat(HOLDERS.length - 1),
  fc.nat(COMPANIES.length - 1),
  fc.nat(PCTS.length - 1),
);
/** A stake, a removal, an ownership flip or a designation (see `apply`). */
const write = fc.tuple(stake, fc.nat(5));

function apply(
  store: GraphStore,
  [[h, c, p], kind]: [[number, number, number], number],
  i: number,
  draw: () => number,
): Written | undefined {
  const holder = HOLDERS[h];
  const company = COMPANIES[c];
  if (kind === 1) return removal(store, (n) => draw() % n);
  if (kind === 2) return ownershipChange(store, company);
  if (holder === company) return undefined;
  if (kind === 3) {
    const designation = aDesignation(p % 2 ? 'SEVER' : 'JOIN', holder, company);
    return put(store, 'designations', { ...designation, id: `DG${i}` });
  }
  return put(store, 'shareholdings', aShareholding(holder, company, PCTS[p], { id: `NEW${i}` }));
}

it('stake writes on chains keep groups and facts equal to a whole-bank derivation', () => {
  fc.assert(
    fc.property(
      fc.array(stake, { minLength: 4, maxLength: 16 }),
      fc.array(write, { minLength: 1, maxLength: 4 }),
      fc.infiniteStream(fc.nat()),
      (stakes, writes, draws) => {
        const store = GraphStore.from(
          graphOf({
            entities: [aStateBody('S-1'), ...COMPANIES.map((c) => aCompany(c)), aCompany('K')],
            shareholdings: stakes
              .filter(([h, c]) => HOLDERS[h] !== COMPANIES[c])
              .map(([h, c, p], i) =>
                aShareholding(HOLDERS[h], COMPANIES[c], PCTS[p], { id: `SH${i}` }),
              ),
          }),
        );
        const harness = new WriteHarness(store, policy);
        writes.forEach((w, i) => {
          const written = apply(store, w, i, () => draws.next().value);
          if (!written) return;
          harness.write(written);
          expectSameAsWholeBank(harness);
        });
      },
    ),
    {
      numRuns: Number(process.env.PROPERTY_RUNS ?? '1') * 4_000,
      // Fixed so a run is reproducible; seed 5 found two of the bugs below 4 000 runs, seed 7
      // (about 1 300 runs) the E1 facts that hung on the fixpoint's round order.
      seed: Number(process.env.PROPERTY_SEED ?? '5'),
    },
  );
});
