import fc from 'fast-check';
import { generateBank } from '../../../seeds/synthetic/generate-bank';
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { controlGraphOf } from '../../../src/domain/model';
import { DEFAULT_CONTROL_POLICY } from '../../../src/domain/policy/control-policy';
import { shapesOf } from '../../../src/services/derivation/full-derivation';
import { GraphStore } from '../../../src/services/graph-store';
import { groupsByEntity, INSIDE_WRITES, TODAY, WRITES } from './write-fixtures';
import { wholeBankJoiningFacts, WriteHarness } from './write-harness';

const ALL_WRITES = { ...WRITES, ...INSIDE_WRITES };
const RUNS = Number(process.env.PROPERTY_RUNS ?? '1');

/** Runs `kinds` writes through the harness; true when every step matched a whole derivation. */
function runWrites(
  entities: number,
  seed: number,
  kinds: readonly string[],
  draws: Iterator<number>,
  sabotage = false,
): WriteHarness {
  const store = GraphStore.from(controlGraphOf(generateBank({ entities, seed, asOf: TODAY })));
  const harness = new WriteHarness(store, DEFAULT_CONTROL_POLICY, sabotage);
  kinds.forEach((kind, i) => {
    const written = ALL_WRITES[kind](store, (n) => draws.next().value % n, `-${i}`);
    harness.write(written);
    const whole = shapesOf(deriveGroups(store.all(), TODAY));
    expect(groupsByEntity(harness.shapes())).toEqual(groupsByEntity(whole));
    const kept = harness.keptJoiningFacts();
    expect(kept).toEqual(wholeBankJoiningFacts(store, DEFAULT_CONTROL_POLICY, kept.keys()));
  });
  return harness;
}

describe('re-deriving downstream of a control write, with the facts kept per group', () => {
  it('matches a whole-bank derivation, groups, heads and kept facts, after each of a run of writes', () => {
    let downstream = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 600 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.constantFrom(...Object.keys(ALL_WRITES)), { minLength: 1, maxLength: 8 }),
        fc.infiniteStream(fc.nat()),
        (entities, seed, kinds, draws) => {
          const harness = runWrites(entities, seed, kinds, draws);
          downstream += harness.paths.filter((p) => p === 'downstream').length;
        },
      ),
      { numRuns: 80 * RUNS },
    );
    // The property means little unless most control writes took the downstream path.
    expect(downstream).toBeGreaterThan(100 * RUNS);
  });

  it('matches inside a bank with a big group, writes deep inside it and removals that split it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1500, max: 3000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.constantFrom(...Object.keys(INSIDE_WRITES)), { minLength: 4, maxLength: 10 }),
        fc.infiniteStream(fc.nat()),
        (entities, seed, kinds, draws) => {
          runWrites(entities, seed, kinds, draws);
        },
      ),
      { numRuns: 6 * RUNS },
    );
  });

  it('fails when the recombination loses a kept fact (mutation check)', () => {
    expect(() =>
      fc.assert(
        fc.property(
          fc.integer({ min: 1500, max: 2000 }),
          fc.integer({ min: 1, max: 1_000_000 }),
          fc.infiniteStream(fc.nat()),
          (entities, seed, draws) => {
            const kinds = ['stakeInside', 'removalInside', 'stakeInside', 'removalInside'];
            runWrites(entities, seed, kinds, draws, true);
          },
        ),
        { numRuns: 10 },
      ),
    ).toThrow();
  });
});
