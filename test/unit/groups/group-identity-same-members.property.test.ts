/**
 * `assignGroupIds` sets aside next groups holding a prior group's very members (a write that
 * moved heads or facts only). Whatever it is given, its answer (ids, member and head lists,
 * events, or the problems it throws) must be the full pass's, exactly.
 */
import fc from 'fast-check';
import { assignGroupIds, type GroupShape, type IdentifiedGroup } from '../../../src/domain/groups';
import { assignGroupIdsInFull } from '../../../src/domain/groups/group-identity';
import { aContext } from './builders';

const ENTITIES = Array.from({ length: 12 }, (_, i) => `E${String(i).padStart(2, '0')}`);

interface Case {
  before: IdentifiedGroup[];
  next: GroupShape[];
  taken: Set<string>;
}

/** Members of each label, in id order. */
function partition(labels: number[]): string[][] {
  const byLabel = new Map<number, string[]>();
  labels.forEach((label, i) => byLabel.set(label, [...(byLabel.get(label) ?? []), ENTITIES[i]]));
  return [...byLabel.values()];
}

/** One or two heads picked among the members, in the order picked. */
const headsOf = (members: string[], picks: number[]): string[] => [
  ...new Set(picks.map((k) => members[k % members.length])),
];

const valid = fc
  .record({
    prior: fc.array(fc.integer({ min: 0, max: 4 }), {
      minLength: ENTITIES.length,
      maxLength: ENTITIES.length,
    }),
    /** Per prior group: come out with the same members (heads may move) or be relabelled. */
    same: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    relabel: fc.array(fc.integer({ min: 5, max: 8 }), {
      minLength: ENTITIES.length,
      maxLength: ENTITIES.length,
    }),
    priorHeads: fc.array(fc.array(fc.nat(20), { minLength: 1, maxLength: 2 }), {
      minLength: 9,
      maxLength: 9,
    }),
    nextHeads: fc.array(fc.array(fc.nat(20), { minLength: 1, maxLength: 2 }), {
      minLength: 9,
      maxLength: 9,
    }),
    /**
     * Prior ids: opaque, or what a fresh group would be called (`G-<entity>`), the entity
     * maybe one that has since left the group (so a fresh id must step around it).
     */
    readableIds: fc.array(fc.integer({ min: -1, max: ENTITIES.length - 1 }), {
      minLength: 9,
      maxLength: 9,
    }),
    taken: fc.subarray(ENTITIES.map((e) => `G-${e}`)),
  })
  .map(({ prior, same, relabel, priorHeads, nextHeads, readableIds, taken }): Case => {
    const priorGroups = partition(prior);
    const before = priorGroups.map((memberIds, i) => {
      const headIds = headsOf(memberIds, priorHeads[i]);
      const id = readableIds[i] < 0 ? `Q${i}` : `G-${ENTITIES[readableIds[i]]}`;
      return { id, memberIds, headIds };
    });
    const labelOf = new Map<string, number>();
    priorGroups.forEach((members, i) => {
      for (const m of members) {
        labelOf.set(m, same[i % 5] ? i : relabel[ENTITIES.indexOf(m)]);
      }
    });
    const next = partition(ENTITIES.map((e) => labelOf.get(e) as number)).map((memberIds, i) => ({
      memberIds,
      headIds: headsOf(memberIds, nextHeads[i % 9]),
    }));
    return { before: unique(before), next, taken: new Set(taken) };
  });

/** Prior ids made unique the way a bank's are (readable ids can collide in a generated case). */
function unique(groups: IdentifiedGroup[]): IdentifiedGroup[] {
  const seen = new Set<string>();
  return groups.map((g, i) => {
    const id = seen.has(g.id) ? `Q${i}` : g.id;
    seen.add(id);
    return { ...g, id };
  });
}

/** Inputs no derivation gives, which either pass must judge alike. */
const broken = fc
  .record({
    base: valid,
    damage: fc.constantFrom(
      'entity in two next groups',
      'entity in two prior groups',
      'prior id twice',
      'empty next group',
      'prior anchor outside the group',
      'members out of order',
      'members out of order on both sides',
      'entity in two groups on both sides',
    ),
    at: fc.nat(20),
  })
  .map(({ base, damage, at }): Case => {
    const before = base.before.map((g) => ({ ...g, memberIds: [...g.memberIds] }));
    const next = base.next.map((g) => ({ ...g, memberIds: [...g.memberIds] }));
    const p = at % before.length;
    const n = at % next.length;
    const stranger = ENTITIES[at % ENTITIES.length];
    switch (damage) {
      case 'entity in two next groups':
        next[n].memberIds.push(stranger);
        break;
      case 'entity in two prior groups':
        before[p].memberIds.push(stranger);
        break;
      case 'prior id twice':
        before.push({ ...before[p], memberIds: ['X-1'], headIds: ['X-1'] });
        break;
      case 'empty next group':
        next.push({ memberIds: [], headIds: [] });
        break;
      case 'prior anchor outside the group':
        before[p] = { ...before[p], headIds: [stranger] };
        break;
      case 'members out of order':
        next[n].memberIds.reverse();
        break;
      case 'members out of order on both sides':
        for (const g of stayed(before, next)) g.memberIds.reverse();
        break;
      case 'entity in two groups on both sides':
        // Sorts after every member, so the lists stay in order.
        for (const g of stayed(before, next)) g.memberIds.push('Z-1');
        break;
    }
    return { before, next, taken: base.taken };
  });

/** Every prior group whose members came out as they were, with its next group. */
function stayed(before: GroupShape[], next: GroupShape[]): GroupShape[] {
  return before.flatMap((p) => {
    const n = next.find((g) => g.memberIds.join() === p.memberIds.join());
    return n ? [p, n] : [];
  });
}

function outcome(assign: typeof assignGroupIds, c: Case) {
  try {
    return assign(c.before, c.next, aContext({ takenIds: c.taken }));
  } catch (err) {
    return { threw: err instanceof Error ? `${err.name}: ${err.message}` : String(err), err };
  }
}

const sameMembers = (c: Case) =>
  c.next.some((n) => c.before.some((p) => p.memberIds.join() === n.memberIds.join()));

describe('assignGroupIds setting aside groups whose members stayed', () => {
  it('gives the full pass’s ids, lists and events for derivations', () => {
    fc.assert(
      fc.property(valid, (c) => {
        expect(outcome(assignGroupIds, c)).toEqual(outcome(assignGroupIdsInFull, c));
      }),
      { numRuns: 400 },
    );
  });

  it('judges inputs no derivation gives as the full pass does', () => {
    fc.assert(
      fc.property(broken, (c) => {
        expect(outcome(assignGroupIds, c)).toEqual(outcome(assignGroupIdsInFull, c));
      }),
      { numRuns: 400 },
    );
  });

  it('meets groups whose members stayed in most cases (the shortcut is exercised)', () => {
    const cases = fc.sample(valid, { numRuns: 200, seed: 7 });
    expect(cases.filter(sameMembers).length).toBeGreaterThan(100);
  });

  it('keeps the id of a group whose heads moved, with no event', () => {
    const prior = [
      { id: 'G-P-1', memberIds: ['C-1', 'C-2', 'P-1'], headIds: ['P-1'] },
      { id: 'G-P-2', memberIds: ['C-3', 'P-2'], headIds: ['P-2'] },
    ];
    const next = [
      { memberIds: ['C-1', 'C-2', 'P-1'], headIds: ['C-1', 'P-1'] },
      { memberIds: ['C-3'], headIds: ['C-3'] },
      { memberIds: ['P-2'], headIds: ['P-2'] },
    ];
    const { groups, events } = assignGroupIds(prior, next, aContext());
    expect(groups[0]).toEqual({ id: 'G-P-1', ...next[0] });
    expect(events.every((e) => e.groupId === 'G-P-2')).toBe(true);
    expect(assignGroupIds(prior, next, aContext())).toEqual(
      assignGroupIdsInFull(prior, next, aContext()),
    );
  });
});
