import fc from 'fast-check';
import { assignGroupIds, type GroupShape, type IdentifiedGroup } from '../../../src/domain/groups';
import { aContext } from './builders';

const ENTITIES = Array.from({ length: 14 }, (_, i) => `E${String(i).padStart(2, '0')}`);

/** Groups from a label per entity; the head is the member with the lowest rank. */
function partition(labels: number[], ranks: number[]): GroupShape[] {
  const byLabel = new Map<number, number[]>();
  labels.forEach((label, i) => byLabel.set(label, [...(byLabel.get(label) ?? []), i]));
  return [...byLabel.values()].map((members) => {
    const head = members.reduce((a, b) => (ranks[b] < ranks[a] ? b : a));
    return { memberIds: members.map((i) => ENTITIES[i]), headIds: [ENTITIES[head]] };
  });
}

const labels = fc.array(fc.integer({ min: 0, max: 5 }), {
  minLength: ENTITIES.length,
  maxLength: ENTITIES.length,
});

/** A prior derivation and a next one that mostly merges prior groups, with some moves. */
const scenario = fc
  .record({
    prior: labels,
    mergeMap: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 6, maxLength: 6 }),
    moved: fc.array(fc.boolean(), { minLength: ENTITIES.length, maxLength: ENTITIES.length }),
    random: labels,
    ranks: fc.array(fc.nat(50), { minLength: ENTITIES.length, maxLength: ENTITIES.length }),
    taken: fc.subarray(ENTITIES.map((e) => `G-${e}`)),
  })
  .map(({ prior, mergeMap, moved, random, ranks, taken }) => {
    const nextLabels = prior.map((l, i) => (moved[i] ? random[i] : mergeMap[l]));
    const before: IdentifiedGroup[] = partition(prior, ranks).map((g, i) => ({
      id: `Q${i}`,
      ...g,
    }));
    return { before, next: partition(nextLabels, ranks), taken: new Set(taken) };
  });

const key = (g: GroupShape) => g.memberIds.join(',');

describe('assignGroupIds properties', () => {
  it('every next group gets exactly one id, unique and not taken elsewhere', () => {
    fc.assert(
      fc.property(scenario, ({ before, next, taken }) => {
        const { groups } = assignGroupIds(before, next, aContext({ takenIds: taken }));
        expect(groups.map(key)).toEqual(next.map(key));
        const ids = groups.map((g) => g.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(typeof id === 'string' && id.length > 0).toBe(true);
        for (const id of ids) expect(taken.has(id)).toBe(false);
      }),
    );
  });

  it('a group that is unchanged or only grew, and is the largest predecessor, keeps its id', () => {
    fc.assert(
      fc.property(scenario, ({ before, next }) => {
        const { groups } = assignGroupIds(before, next, aContext());
        for (const n of groups) {
          const members = new Set(n.memberIds);
          const touching = before.filter((p) => p.memberIds.some((m) => members.has(m)));
          for (const p of touching) {
            const grew = p.memberIds.every((m) => members.has(m));
            const largest = touching.every(
              (q) => q === p || q.memberIds.length < p.memberIds.length,
            );
            const eligible = p.memberIds.length > 1 || n.memberIds.length === 1;
            if (grew && largest && eligible) expect(n.id).toBe(p.id);
          }
        }
      }),
    );
  });

  it('every prior group id is carried, merged away or dissolved, exactly once', () => {
    fc.assert(
      fc.property(scenario, ({ before, next }) => {
        const { groups, events } = assignGroupIds(before, next, aContext());
        const carried = new Set(groups.map((g) => g.id));
        for (const p of before.filter((g) => g.memberIds.length > 1)) {
          const fates = [
            carried.has(p.id),
            events.some((e) => e.type === 'MERGED' && e.relatedGroupIds.includes(p.id)),
            events.some((e) => e.type === 'DISSOLVED' && e.groupId === p.id),
          ];
          expect(fates.filter(Boolean)).toHaveLength(1);
        }
      }),
    );
  });

  it('is deterministic whatever the order of the inputs', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ before, next, taken }, seed) => {
        const rotate = <T>(xs: T[]) => xs.map((_, i) => xs[(i + seed) % xs.length]).reverse();
        const ctx = aContext({ takenIds: taken });
        const a = assignGroupIds(before, next, ctx);
        const b = assignGroupIds(rotate(before), rotate(next), ctx);
        const ids = (r: typeof a) => Object.fromEntries(r.groups.map((g) => [key(g), g.id]));
        expect(ids(b)).toEqual(ids(a));
        expect(b.events).toEqual(a.events);
      }),
    );
  });

  it('recomputing the same groups changes nothing', () => {
    fc.assert(
      fc.property(scenario, ({ before }) => {
        const { groups, events } = assignGroupIds(before, before, aContext());
        expect(groups).toEqual(before);
        expect(events).toEqual([]);
      }),
    );
  });
});
