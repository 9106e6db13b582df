import fc from 'fast-check';
import { generateBank } from '../../../seeds/synthetic/generate-bank';
import { coreOf } from '../../../src/domain/control/derivation-core';
import { deriveGroups } from '../../../src/domain/control/derive-groups';
import { groupsFromFacts } from '../../../src/domain/control/incremental-groups';
import { controlGraphOf } from '../../../src/domain/model';
import { shapesOf } from '../../../src/services/derivation/full-derivation';

const TODAY = '2026-09-30';

describe('groups and heads from joining facts alone', () => {
  it('are the groups and heads (primary first) the derivation gives', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 3000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (entities, seed) => {
          const derivation = deriveGroups(
            controlGraphOf(generateBank({ entities, seed, asOf: TODAY })),
            TODAY,
          );
          const { g, raw } = coreOf(derivation)!;
          const joining = raw.filter((f) => f.joinsGroup);
          const groups = groupsFromFacts(g.n, {
            from: joining.map((f) => f.from),
            to: joining.map((f) => f.to),
            directed: joining.map((f) => (f.directed ? 1 : 0)),
            count: joining.length,
          });
          const ids = (xs: number[]) => xs.map((x) => g.index.idOf(x));
          const byFirst = (a: { memberIds: string[] }, b: { memberIds: string[] }) =>
            a.memberIds[0] < b.memberIds[0] ? -1 : 1;
          expect(
            groups.map((x) => ({ memberIds: ids(x.members), headIds: ids(x.heads) })).sort(byFirst),
          ).toEqual(shapesOf(derivation).sort(byFirst));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('orders heads by the members each claims first, ties to the smaller id', () => {
    // 0 and 1 are heads; 0 reaches 2 and 3, 1 reaches 3 at the same distance and 4.
    const groups = groupsFromFacts(5, {
      from: [0, 0, 1, 1],
      to: [2, 3, 3, 4],
      directed: [1, 1, 1, 1],
      count: 4,
    });
    expect(groups).toEqual([{ members: [0, 1, 2, 3, 4], heads: [0, 1] }]);
    // Both reach 2 and 3 at one step: both go to the smaller id, so 0 claims three.
    const more = groupsFromFacts(5, {
      from: [0, 1, 1, 1, 0],
      to: [3, 3, 4, 2, 2],
      directed: [1, 1, 1, 1, 1],
      count: 5,
    });
    expect(more[0].heads).toEqual([0, 1]);
    // 1 claims 1, 2 and 4; 0 claims 0 and 3 (tied with 1, to the smaller id): 1 is primary.
    const lopsided = groupsFromFacts(5, {
      from: [0, 1, 1, 1],
      to: [3, 2, 3, 4],
      directed: [1, 1, 1, 1],
      count: 4,
    });
    expect(lopsided[0].heads).toEqual([1, 0]);
  });
});
