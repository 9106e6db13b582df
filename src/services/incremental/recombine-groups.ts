import { groupsFromFacts } from '../../domain/control/incremental-groups';
import type { GroupShape } from '../../domain/groups';
import type { GraphStore } from '../graph-store';
import type { CurrentFacts, DownstreamRederivation, FactChange } from './downstream-rederivation';
import { DIRECTED, GroupFacts, JOINS, KIN, type StoredFact } from './group-facts';

/**
 * Puts re-derived facts back into their groups. `change` holds the new directed facts of
 * every entity whose facts changed and the new R9 ties of the persons re-judged; the old
 * ones are read from the kept facts. Groups whose joining facts changed (the groups of
 * those entities and of every party they gained or lost a joining fact with) are formed
 * again from their kept facts with the changed ones replaced: their union holds exactly
 * the entities of the new groups, as a joining fact only ever joins within it. Groups whose
 * joining facts stayed keep their shape, with their facts refreshed.
 */
export function recombine(
  store: GraphStore,
  change: FactChange,
  groupAt: (i: number) => GroupShape,
  current: CurrentFacts,
  stats: { rounds: number; derived: number },
): DownstreamRederivation | undefined {
  const factsOf = (group: GroupShape): GroupFacts | undefined =>
    current.factsOf(group) ??
    (group.memberIds.length === 1
      ? new GroupFacts([store.numberOfId(group.memberIds[0])], [])
      : undefined);
  const involved = new Set<GroupShape>();
  const touched = new Set<GroupShape>();
  const involve = (y: number, before: Set<number>, now: Set<number>) => {
    touched.add(groupAt(y));
    const differ = [...before].filter((x) => !now.has(x));
    for (const x of now) if (!before.has(x)) differ.push(x);
    if (differ.length === 0) return;
    involved.add(groupAt(y));
    for (const x of differ) involved.add(groupAt(x));
  };
  for (const [y, after] of change.into) {
    const kept = factsOf(groupAt(y));
    if (!kept) return undefined;
    involve(y, joiningControllers(kept.into(y)), joiningControllers(after));
  }
  for (const [p, after] of change.kin) {
    const kept = factsOf(groupAt(p));
    if (!kept) return undefined;
    involve(p, relativesOf(p, kept.facts), relativesOf(p, after));
  }

  const refreshed = new Map<GroupShape, GroupFacts>();
  for (const group of touched) {
    if (involved.has(group)) continue;
    const facts = factsOf(group);
    if (!facts) return undefined;
    const members = new Set(facts.members);
    const own = replaced(facts.facts, change).filter((f) => keptIn(f, members));
    refreshed.set(group, new GroupFacts(facts.members, own));
  }
  if (involved.size === 0) return { prior: [], next: [], nextFacts: [], refreshed, ...stats };

  const parts: { ids: readonly string[]; numbers: readonly number[] }[] = [];
  const olds: StoredFact[] = [];
  for (const group of involved) {
    const kept = factsOf(group);
    if (!kept) return undefined;
    parts.push({ ids: group.memberIds, numbers: kept.members });
    for (const f of kept.facts) olds.push(f);
  }
  const facts = replaced(olds, change);
  const { ids, numbers } = mergeById(parts);
  const local = new Map<number, number>();
  numbers.forEach((n, k) => local.set(n, k));

  const from: number[] = [];
  const to: number[] = [];
  const directed: number[] = [];
  for (const f of facts) {
    if ((f.flags & JOINS) === 0) continue;
    const a = local.get(f.from);
    const b = local.get(f.to);
    if (b === undefined) continue;
    // A joining fact joins within the groups taken: an end outside means the kept facts are off.
    if (a === undefined) return undefined;
    from.push(a);
    to.push(b);
    directed.push(f.flags & DIRECTED);
  }
  const groups = groupsFromFacts(numbers.length, { from, to, directed, count: from.length });

  const groupOfLocal = new Int32Array(numbers.length);
  groups.forEach((g, i) => g.members.forEach((k) => (groupOfLocal[k] = i)));
  const byGroup = groups.map((): StoredFact[] => []);
  for (const f of facts) {
    const k = local.get(f.to);
    if (k !== undefined) byGroup[groupOfLocal[k]].push(f);
  }
  return {
    prior: [...involved],
    next: groups.map((g) => ({
      memberIds: g.members.map((k) => ids[k]),
      headIds: g.heads.map((k) => ids[k]),
    })),
    nextFacts: groups.map(
      (g, i) =>
        new GroupFacts(
          g.members.map((k) => numbers[k]),
          byGroup[i],
        ),
    ),
    refreshed,
    ...stats,
  };
}

/** Whether a group with `members` keeps fact f: directed into a member, or joining there. */
function keptIn(f: StoredFact, members: ReadonlySet<number>): boolean {
  return ((f.flags & DIRECTED) !== 0 || (f.flags & JOINS) !== 0) && members.has(f.to);
}

/** The relatives an R9 fact joins `p` with. */
function relativesOf(p: number, facts: readonly StoredFact[]): Set<number> {
  const out = new Set<number>();
  for (const f of facts) {
    if ((f.flags & KIN) === 0 || (f.flags & JOINS) === 0) continue;
    if (f.from === p) out.add(f.to);
    else if (f.to === p) out.add(f.from);
  }
  return out;
}

/** The controllers of an entity whose control joins groups. */
function joiningControllers(facts: readonly StoredFact[]): Set<number> {
  const out = new Set<number>();
  for (const f of facts) if ((f.flags & JOINS) !== 0) out.add(f.from);
  return out;
}

/**
 * Facts with the changed ones replaced: directed facts into a re-derived entity and R9
 * facts of a re-judged person give way to the new ones (each new fact once).
 */
function replaced(facts: readonly StoredFact[], change: FactChange): StoredFact[] {
  const out: StoredFact[] = [];
  for (const f of facts) {
    if ((f.flags & DIRECTED) !== 0 ? change.into.has(f.to) : isKinOf(f, change.kin)) continue;
    out.push(f);
  }
  for (const after of change.into.values()) for (const f of after) out.push(f);
  const kin = new Set<StoredFact>();
  for (const after of change.kin.values()) for (const f of after) kin.add(f);
  for (const f of kin) out.push(f);
  return out;
}

function isKinOf(f: StoredFact, kin: ReadonlyMap<number, unknown>): boolean {
  return (f.flags & KIN) !== 0 && (kin.has(f.from) || kin.has(f.to));
}

/** Members of several groups, each list in id order, merged into one list in id order. */
function mergeById(parts: { ids: readonly string[]; numbers: readonly number[] }[]): {
  ids: string[];
  numbers: number[];
} {
  let ids = [...parts[0].ids];
  let numbers = [...parts[0].numbers];
  for (let p = 1; p < parts.length; p++) {
    const other = parts[p];
    const mergedIds: string[] = [];
    const mergedNumbers: number[] = [];
    let i = 0;
    let j = 0;
    while (i < ids.length || j < other.ids.length) {
      if (j >= other.ids.length || (i < ids.length && ids[i] < other.ids[j])) {
        mergedIds.push(ids[i]);
        mergedNumbers.push(numbers[i++]);
      } else {
        mergedIds.push(other.ids[j]);
        mergedNumbers.push(other.numbers[j++]);
      }
    }
    ids = mergedIds;
    numbers = mergedNumbers;
  }
  return { ids, numbers };
}
