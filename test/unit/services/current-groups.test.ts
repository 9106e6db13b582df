import fc from 'fast-check';
import type { PackedGroups } from '../../../src/domain/control/packed-groups';
import type { IdentifiedGroup } from '../../../src/domain/groups';
import { emptyControlGraph } from '../../../src/domain/model';
import { CurrentGroups, isLoneGroup } from '../../../src/services/current-groups';
import { GraphStore } from '../../../src/services/graph-store';
import { splitUnchanged } from '../../../src/services/group-diff';
import { aParty } from '../../support/builders';

const idOf = (i: number) => `E${String(i).padStart(2, '0')}`;

function storeOf(n: number, order = (i: number) => i): GraphStore {
  const graph = emptyControlGraph();
  for (let i = 0; i < n; i++) graph.entities.push(aParty(idOf(order(i))));
  return GraphStore.from(graph);
}

const group = (id: string, memberIds: string[], headIds: string[]): IdentifiedGroup => ({
  id,
  memberIds,
  headIds,
});

/** Groups as a whole-bank derivation hands them over: store numbers, members ascending. */
function packed(store: GraphStore, groups: readonly IdentifiedGroup[]): PackedGroups {
  const numbers = (ids: string[]) => ids.map((id) => store.numberOfId(id));
  return {
    entities: Int32Array.from(groups.flatMap((g) => numbers([...g.memberIds, ...g.headIds]))),
    memberCounts: Int32Array.from(groups, (g) => g.memberIds.length),
    headCounts: Int32Array.from(groups, (g) => g.headIds.length),
  };
}

function staged(store: GraphStore, groups: readonly IdentifiedGroup[]): CurrentGroups {
  const current = new CurrentGroups(store);
  for (const g of groups) {
    const heads = new Set(g.headIds);
    current.stage({
      id: g.id,
      memberIds: g.memberIds,
      isHead: g.memberIds.map((m) => heads.has(m)),
    });
  }
  return current;
}

describe('the current groups, lone groups held as flags', () => {
  const store = storeOf(6);
  const pair = group('G-E00', ['E00', 'E01'], ['E00']);
  const lone = group('G-E02', ['E02'], ['E02']);
  const keptId = group('G-E03-2', ['E03'], ['E03']);
  const headless = group('G-E04', ['E04'], []);

  it('tells lone groups from groups that only look like one', () => {
    expect([pair, lone, keptId, headless].map(isLoneGroup)).toEqual([false, true, false, false]);
  });

  it('answers for every group, lone or not, by entity and by id', () => {
    const current = staged(store, [pair, lone, keptId, headless]);
    expect(current.groupIdOf('E01')).toBe('G-E00');
    expect(current.groupIdOf('E02')).toBe('G-E02');
    expect(current.groupIdOf('E03')).toBe('G-E03-2');
    expect(current.groupIdOf('E05')).toBeUndefined();
    expect(current.group('G-E02')).toEqual(lone);
    expect(current.group('G-E03')).toBeUndefined();
    expect(current.group('G-E05')).toBeUndefined();
    expect(current.groupOf('E04')).toEqual(headless);
    expect(['G-E00', 'G-E02', 'G-E03-2', 'G-E03', 'G-E05'].map((id) => current.has(id))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('keeps a lone group the same object once asked for, until a whole-bank pass folds it', () => {
    const current = staged(store, [lone]);
    const asked = current.groupOf('E02');
    expect(current.group('G-E02')).toBe(asked);
    expect(current.groupOf('E02')).toBe(asked);
    current.foldLoneGroups();
    const again = current.groupOf('E02');
    expect(again).not.toBe(asked);
    expect(again).toEqual(lone);
  });

  it('sets aside what a whole-bank derivation left as it was, as splitUnchanged does', () => {
    const prior = [pair, lone, keptId, group('G-E04', ['E04'], ['E04'])];
    const next = [
      { memberIds: ['E00', 'E01'], headIds: ['E00'] },
      { memberIds: ['E02', 'E03'], headIds: ['E03'] },
      { memberIds: ['E04'], headIds: ['E04'] },
      { memberIds: ['E05'], headIds: ['E05'] },
    ];
    const split = staged(store, prior).changedAgainst(packed(store, next as IdentifiedGroup[]));
    const reference = splitUnchanged(prior, next);
    const byId = (a: IdentifiedGroup, b: IdentifiedGroup) => a.id.localeCompare(b.id);
    expect(split.prior.sort(byId)).toEqual(reference.prior.sort(byId));
    expect(split.next).toEqual(reference.next);
  });

  it('keeps its lone flags by id when the store is replaced by one numbered otherwise', () => {
    const current = staged(store, [pair, lone, keptId]);
    const reversed = storeOf(6, (i) => 5 - i);
    current.rebind(reversed);
    expect(current.groupIdOf('E02')).toBe('G-E02');
    expect(current.group('G-E00')).toEqual(pair);
    expect(current.groupOf('E02')!.memberIds[0]).toBe(reversed.idAt(reversed.numberOfId('E02')));
  });
});

/**
 * A run of whole-bank passes over a small bank, each a random partition into groups with
 * random heads and ids, some groups asked for in between (which builds lone ones): after each
 * change the state answers as the partition says, and the split matched splitUnchanged.
 */
describe('the current groups over random changes', () => {
  const n = 12;
  // A label per entity: null keeps the entity's label of the step before, so most groups of
  // a step come out as they were; labels up to n - 1 make many groups of one.
  const partition = fc.record({
    label: fc.array(fc.option(fc.integer({ min: 0, max: n - 1 }), { freq: 2 }), {
      minLength: n,
      maxLength: n,
    }),
    headBits: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    keptIdBits: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    asked: fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 4 }),
    fold: fc.boolean(),
    /** Reading every group builds every lone one: half the steps read ids only. */
    inspect: fc.boolean(),
  });

  it('answers as the last change left the groups', () => {
    fc.assert(
      fc.property(fc.array(partition, { minLength: 1, maxLength: 5 }), (steps) => {
        const store = storeOf(n);
        const current = new CurrentGroups(store);
        let groups: IdentifiedGroup[] = [];
        let labels = Array.from({ length: n }, (_, i) => i);
        for (const step of steps) {
          for (const a of step.asked) current.groupOf(idOf(a));
          labels = labels.map((l, i) => step.label[i] ?? l);
          const target = groupsOf({ ...step, label: labels }, groups);
          const { prior, next } = current.changedAgainst(packed(store, target));
          const reference = splitUnchanged(groups, target);
          expect(new Set(prior.map((g) => g.id))).toEqual(
            new Set(reference.prior.map((g) => g.id)),
          );
          expect(next).toEqual(
            reference.next.map((g) => ({ memberIds: g.memberIds, headIds: g.headIds })),
          );
          const byFirst = new Map(target.map((g) => [g.memberIds[0], g]));
          current.replace(
            prior,
            next.map((shape) => byFirst.get(shape.memberIds[0])!),
          );
          if (step.fold) current.foldLoneGroups();
          groups = target;
          for (const g of groups) {
            expect(current.has(g.id)).toBe(true);
            for (const m of g.memberIds) expect(current.groupIdOf(m)).toBe(g.id);
            if (!step.inspect) continue;
            expect(current.group(g.id)).toEqual(g);
            for (const m of g.memberIds) expect(current.groupOf(m)).toBe(current.group(g.id));
          }
        }
      }),
    );
  });

  /** The step's partition; a group equal to a current one keeps that one's id, as the engine's. */
  function groupsOf(
    step: { label: number[]; headBits: boolean[]; keptIdBits: boolean[] },
    before: IdentifiedGroup[],
  ): IdentifiedGroup[] {
    const members = new Map<number, string[]>();
    step.label.forEach((l, i) => members.set(l, [...(members.get(l) ?? []), idOf(i)]));
    return [...members.values()].map((memberIds) => {
      const heads = memberIds.filter((m) => step.headBits[Number(m.slice(1))]);
      const headIds = heads.length > 0 ? heads : [memberIds[0]];
      const same = before.find(
        (g) => g.memberIds.join() === memberIds.join() && g.headIds.join() === headIds.join(),
      );
      if (same) return same;
      const kept = step.keptIdBits[Number(memberIds[0].slice(1))];
      return group(`G-${headIds[0]}${kept ? '-2' : ''}`, memberIds, headIds);
    });
  }
});
