import fc from 'fast-check';
import { generateBank } from '../../../seeds/synthetic/generate-bank';
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import type { GroupShape } from '../../../src/domain/groups';
import { controlGraphOf } from '../../../src/domain/model';
import { DEFAULT_CONTROL_POLICY } from '../../../src/domain/policy/control-policy';
import { shapesOf } from '../../../src/services/derivation/full-derivation';
import { GraphStore } from '../../../src/services/graph-store';
import { rederiveAroundWrite } from '../../../src/services/incremental/scoped-rederivation';
import { UNLIMITED } from './write-harness';
import { groupsByEntity, TODAY, WRITES } from './write-fixtures';

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
