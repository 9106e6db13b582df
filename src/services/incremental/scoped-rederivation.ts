import { deriveGroups } from '../../domain/control/derive-groups';
import type { GroupShape } from '../../domain/groups';
import type { ControlPolicy } from '../../domain/policy/control-policy';
import { shapesOf } from '../derivation/full-derivation';
import type { GraphStore } from '../graph-store';
import {
  DIRECTED,
  JOINS,
  type GroupFacts,
  sameFacts,
  storedFacts,
  type StoredFact,
} from './group-facts';
import { OutsideControlContext } from './outside-control';
import { TodayGraph } from './today-graph';

/** Today's group of an entity as the engine holds it; an entity new to the engine is alone. */
export type CurrentGroupOf = (entityId: string) => GroupShape;

/** The facts kept for a current group, when they are known. */
export type PriorFactsOf = (group: GroupShape) => GroupFacts | undefined;

export interface ScopedRederivation {
  /** Every entity whose group was re-derived: whole current groups only. */
  scope: ReadonlySet<string>;
  /** The groups derived for `scope` (exactly its entities), to replace their current groups. */
  next: GroupShape[];
  /** The derivation's facts that `next` groups rest on (see GroupFacts), in store numbers. */
  facts: StoredFact[];
  /**
   * Entities outside the scope downstream of the write: their groups held still, and the
   * directed facts into them came out as kept (an outsider whose did not, or whose facts
   * were not kept, was taken into the scope whole).
   */
  unsettled: number[];
  /** Derivations it took until the groups around the scope held still. */
  rounds: number;
  /** Entities in the last derivation: the scope, its context and witnesses. */
  derived: number;
}

export interface ScopeLimits {
  /** Give up (and let the caller re-derive the whole component) past this many entities. */
  maxEntities: number;
  maxRounds: number;
}

/**
 * Re-derives today's groups after a write, looking no further than the write can reach.
 *
 * The groups of the touched entities are re-derived together with a context: every entity
 * next to them by an edge valid today (holders, appointers, relatives, linked parties, the
 * companies they hold) and those entities' whole current groups, plus the relatives and
 * R10 partners of the persons among them, and the witnesses R9 and R10 facts rest on (post
 * holders, relatives) without their groups. A group's facts rest on its own members' edges,
 * so a context group derived in the subgraph comes out as it is today unless the write
 * reaches it (a stake in it now sums to control, a relative now controls something …).
 * A context group that comes out different joins the scope and everything is derived again,
 * until every context group holds still: that is how a change travels downstream, and it
 * stops where controllers stop changing.
 *
 * Returns undefined when the scope outgrows `limits`: the caller then falls back to the
 * whole connected component, which is always right.
 */
export function rederiveAroundWrite(
  store: GraphStore,
  groupOf: CurrentGroupOf,
  write: { touched: readonly string[]; targets: readonly string[] },
  date: string,
  policy: ControlPolicy,
  limits: ScopeLimits,
  priorFactsOf: PriorFactsOf = () => undefined,
): ScopedRederivation | undefined {
  const walk = new TodayGraph(store, date);
  const groupAt = (i: number) => groupOf(store.idAt(i));
  const scopeIds = new Set<string>();
  const scope = new Set<number>();
  const addGroupsOf = (entities: Iterable<number>) => {
    for (const group of distinctGroups(entities, groupAt)) {
      for (const m of group.memberIds) {
        if (scopeIds.has(m)) continue;
        scopeIds.add(m);
        scope.add(store.numberOfId(m));
      }
    }
  };
  addGroupsOf(walk.numbersOf(write.touched));
  // Where controllers may have changed: what the written rows bear on, then whatever moved.
  const changed = walk.numbersOf(write.targets);
  // R10 links rest on posts and kinship, not on control: the companies whose key post
  // holders the write touched (or their relatives) may link or unlink, whole groups at once.
  addGroupsOf(walk.partnersOf([...changed, ...walk.kinOf(changed)]));
  const deriveWithin = (all: ReadonlySet<number>) => {
    const { graph, numbers } = walk.subgraph(all);
    const derivation = deriveGroups(graph, date, policy);
    const derived = shapesOf(derivation);
    return {
      derived,
      moved: outsidersThatMoved(derived, scopeIds, groupOf),
      allFacts: storedFacts(derivation, numbers, policy),
    };
  };

  for (let round = 1; round <= limits.maxRounds; round++) {
    const { bare, reached } = supportAround(walk, scope, changed, groupAt);
    const all = new Set([...scope, ...reached]);
    for (const i of walk.witnessesOf(all, bare)) all.add(i);
    for (const i of bare) all.add(i);
    // Control that joins no group (E1, a severed link) may come from outside every group
    // around the scope: a state body's company holding a stake beside a company it now
    // controls, two levels up. The kept facts name it (see OutsideControlContext).
    const context = new OutsideControlContext(walk, groupAt, priorFactsOf, all);
    context.require([...scope, ...reached]);
    if (all.size > limits.maxEntities) return undefined;
    let { derived, moved, allFacts } = deriveWithin(all);
    /** Outsiders below the write that the derivation reached. */
    const below = () => {
      const out = new Set<number>();
      walk.downstream(changed, (i) => all.has(i), out);
      for (const i of scope) out.delete(i);
      return out;
    };
    let unsettled = new Set<number>();
    if (moved.length === 0) {
      unsettled = below();
      // Likewise for the outsiders below the write: their facts, compared with the kept ones
      // below, decide whether they join the scope. What their context adds may reach further
      // outsiders below the write: theirs is taken too, until none is missing (else their
      // facts come out without controllers and take them into the scope for nothing).
      for (;;) {
        const sizeBefore = all.size;
        context.require(unsettled);
        if (all.size > limits.maxEntities) return undefined;
        if (all.size === sizeBefore) break;
        ({ derived, moved, allFacts } = deriveWithin(all));
        if (moved.length > 0) break;
        unsettled = below();
      }
    }
    if (moved.length === 0) {
      // Control that joins no group (E1, a severed link) can change outside the scope while
      // every group holds still, and what lies below then has new controllers: R2 tallies,
      // board counts, "no single controller" for R3. Such an outsider is taken whole too.
      const into = new Map<number, StoredFact[]>();
      for (const i of unsettled) into.set(i, []);
      for (const f of allFacts) if ((f.flags & DIRECTED) !== 0) into.get(f.to)?.push(f);
      for (const [i, after] of into) {
        const before = priorFactsOf(groupAt(i))?.into(i);
        if (before === undefined || !sameFacts(before, after)) moved.push(store.idAt(i));
      }
    }
    if (moved.length === 0) {
      const next = derived.filter((g) => scopeIds.has(g.memberIds[0]));
      const facts = allFacts.filter(
        (f) => scope.has(f.to) && ((f.flags & DIRECTED) !== 0 || (f.flags & JOINS) !== 0),
      );
      return {
        scope: scopeIds,
        next,
        facts,
        unsettled: [...unsettled],
        rounds: round,
        derived: all.size,
      };
    }
    addGroupsOf(walk.numbersOf(moved));
    changed.push(...walk.numbersOf(moved));
  }
  return undefined;
}

/**
 * The parties around the scope that its derivation needs.
 * Downstream of a change, each comes with the part of its group upstream of it, where every
 * controller of it and every intermediary of that control lies:
 * - the holders, appointers and linked parties of what the change reaches (their
 *   controllers' tallies there may now cross the threshold);
 * - what the change reaches holds stakes in or posts at (the scope may now control them);
 * - relatives of the scope's persons, with what they control (R9 joins relatives who both
 *   control).
 * Elsewhere the scope's holders come bare: a scope member's joining controllers, and the
 * evidence of their control, are inside the scope (control that joins, joins groups), so
 * its holders are needed only as rows (board counts, pools, "no single controller"). A
 * controller that joins no group (E1, a severed link) may sit outside it: the caller walks
 * it from the kept facts (OutsideControlContext).
 * Parts of groups are not judged against today: all a write can do outside its scope is
 * pull a party into a scope group (control from outside a group never takes effect inside
 * it; R9 and R10 links already inside one are inside the scope), and such a party is
 * then judged as an outsider and its whole group taken into the scope. Control that joins
 * no group (E1, a severed link) can also reach an outsider without moving it: its facts,
 * compared with the kept ones, take it into the scope then (see rederiveAroundWrite).
 */
function supportAround(
  walk: TodayGraph,
  scope: ReadonlySet<number>,
  changed: readonly number[],
  groupAt: (i: number) => GroupShape,
): { bare: Set<number>; reached: Set<number> } {
  const bare = new Set<number>();
  for (const i of scope) for (const other of walk.upstreamOf(i)) bare.add(other);
  const parties = new Set<number>();
  const reach = new Set<number>();
  walk.downstream(changed, (i) => scope.has(i), reach);
  for (const i of reach) {
    for (const other of walk.upstreamOf(i)) parties.add(other);
    for (const other of walk.downstreamOf(i)) parties.add(other);
  }
  for (const relative of walk.kinOf(scope)) {
    if (scope.has(relative)) continue;
    parties.add(relative);
    const own = groupAt(relative);
    for (const d of walk.downstreamOf(relative)) if (groupAt(d) === own) parties.add(d);
  }
  const reached = new Set<number>();
  for (const party of parties) {
    if (scope.has(party) || reached.has(party)) continue;
    const own = groupAt(party);
    walk.upstream([party], (i) => groupAt(i) === own, reached);
  }
  for (const i of scope) bare.delete(i);
  for (const i of reached) bare.delete(i);
  return { bare, reached };
}

/**
 * Entities outside the scope that the derivation put into a scope group, or into one group
 * with parties of another current group (a merge the scope did not foresee: taken whole).
 */
function outsidersThatMoved(
  derived: readonly GroupShape[],
  scope: ReadonlySet<string>,
  groupOf: CurrentGroupOf,
): string[] {
  const moved: string[] = [];
  for (const group of derived) {
    const inScope = group.memberIds.some((id) => scope.has(id));
    if (inScope || distinctGroupsOfIds(group.memberIds, groupOf).size > 1) {
      for (const id of group.memberIds) if (!scope.has(id)) moved.push(id);
    }
  }
  return moved;
}

/** The current groups of `entities`, each once (a big group has many neighbours in a scope). */
function distinctGroups(
  entities: Iterable<number>,
  groupAt: (i: number) => GroupShape,
): Set<GroupShape> {
  const groups = new Set<GroupShape>();
  for (const i of entities) groups.add(groupAt(i));
  return groups;
}

function distinctGroupsOfIds(ids: Iterable<string>, groupOf: CurrentGroupOf): Set<GroupShape> {
  const groups = new Set<GroupShape>();
  for (const id of ids) groups.add(groupOf(id));
  return groups;
}
