import { deriveGroups } from '../../domain/control/derive-groups';
import type { GroupShape } from '../../domain/groups';
import type { ControlPolicy } from '../../domain/policy/control-policy';
import type { GraphStore } from '../graph-store';
import {
  DIRECTED,
  type GroupFacts,
  JOINS,
  KIN,
  sameFacts,
  SINGLE,
  storedFacts,
  type StoredFact,
} from './group-facts';
import { upstreamInGroup } from './outside-control';
import { recombine } from './recombine-groups';
import type { ScopeLimits } from './scoped-rederivation';
import { TodayGraph } from './today-graph';

/** What the engine knows today: each entity's current group and the facts kept for it. */
export interface CurrentFacts {
  groupOf(entityId: string): GroupShape;
  /** The facts kept for a current group; undefined when none are kept for it. */
  factsOf(group: GroupShape): GroupFacts | undefined;
}

export interface DownstreamRederivation {
  /** Current groups replaced by `next` (together they hold the same entities). */
  prior: GroupShape[];
  next: GroupShape[];
  /** The facts of each `next` group, in the same order. */
  nextFacts: GroupFacts[];
  /** Current groups that keep their shape but whose facts changed (non-joining facts). */
  refreshed: Map<GroupShape, GroupFacts>;
  rounds: number;
  /** Entities derived, summed over the rounds (each round derives what joined since). */
  derived: number;
}

/** What a downstream re-derivation changes: new facts replacing kept ones. */
export interface FactChange {
  /** All directed facts into each re-derived entity whose facts changed. */
  into: ReadonlyMap<number, readonly StoredFact[]>;
  /** All joining R9 facts of each person whose R9 ties were re-derived. */
  kin: ReadonlyMap<number, readonly StoredFact[]>;
}

/**
 * Re-derives after a write that changes control only (a stake, a link other than acting in
 * concert, a post other than legal representative or actual controller): no kinship, R10
 * post or designation changed, so every fact that can change is a directed fact into an
 * entity downstream of the write's targets.
 *
 * The directed facts into an entity depend only on what lies upstream of it. So only the
 * targets are re-derived at first, each with its upstream support (the part of each
 * holder's, appointer's or linked party's group upstream of it, outer holders bare, the
 * families of the persons there for R3 pools) and their new facts are compared with the
 * ones kept for them. Where they changed, the entity's controllers changed: so did the
 * ancestry of everything it controls (down any chain of the new facts), and every company
 * those hold stakes in, appoint or link to joins the re-derived set, round after round,
 * until no further entity is reached. The change stops where controllers come out as
 * they were, however big the group around it.
 *
 * The new facts then replace the old ones of the entities re-derived, and the groups
 * whose joining facts changed are formed again from their kept facts (recombine-groups).
 * R9 rests on who controls anything at all: when a person may gain its first or lose its
 * last controlled entity, whatever it and its family control directly is re-derived too,
 * and its R9 ties are taken from that derivation. Undefined when a group it needs has no
 * kept facts or the set outgrows `limits`: the caller re-derives whole groups then.
 */
export function rederiveDownstream(
  store: GraphStore,
  current: CurrentFacts,
  targets: readonly string[],
  date: string,
  policy: ControlPolicy,
  limits: ScopeLimits,
): DownstreamRederivation | undefined {
  const walk = new TodayGraph(store, date);
  const groupAt = (i: number) => current.groupOf(store.idAt(i));
  const kept = (i: number): readonly StoredFact[] | undefined => {
    const group = groupAt(i);
    const facts = current.factsOf(group);
    if (facts) return facts.into(i);
    // A lone entity has no joining fact; any other fact into it only shows as a change.
    return group.memberIds.length === 1 ? [] : undefined;
  };
  /** The new directed facts into each re-derived entity. */
  const fresh = new Map<number, StoredFact[]>();
  /**
   * Every directed fact into `i`, non-joining ones included: the new ones once `i` is
   * re-derived (the write may have given it controllers outside its current group), else
   * the kept ones; undefined when unknown.
   */
  const controllersOf = (i: number): readonly StoredFact[] | undefined =>
    fresh.get(i) ?? current.factsOf(groupAt(i))?.into(i);

  let rounds = 0;
  let derived = 0;
  /** The facts of the entities around `entities`, each with its upstream support. */
  const deriveAround = (entities: ReadonlySet<number>): StoredFact[] | undefined => {
    const support = supportOf(
      walk,
      entities,
      groupAt,
      controllersOf,
      (i) => moved.has(i),
      (group) => current.factsOf(group),
    );
    if (!support || support.all.size > limits.maxEntities) return undefined;
    const { all, bare } = support;
    derived += all.size;
    const { graph, numbers } = walk.subgraph(all, bare);
    return storedFacts(deriveGroups(graph, date, policy), numbers, policy);
  };

  const reDerived = new Set(walk.numbersOf(targets));
  /** Re-derived entities not derived yet: each round derives only what joined since. */
  let pending = new Set(reDerived);
  const join = (d: number) => {
    if (!reDerived.has(d) && store.hasEntityAt(d)) {
      reDerived.add(d);
      pending.add(d);
    }
  };
  /** Entities whose controllers or their ancestry changed. */
  const moved = new Set<number>();
  /** The round each re-derived entity was last derived in. */
  const derivedIn = new Map<number, number>();
  /** Persons whose R9 ties are re-derived: they may gain or lose all control. */
  const judged = new Set<number>();
  let changed = new Map<number, StoredFact[]>();
  for (;;) {
    if (++rounds > limits.maxRounds || reDerived.size > limits.maxEntities) return undefined;
    if (pending.size > 0) {
      const facts = deriveAround(pending);
      if (!facts) return undefined;
      const previous = new Map<number, readonly StoredFact[] | undefined>();
      for (const y of pending) {
        previous.set(y, fresh.get(y) ?? kept(y));
        fresh.set(y, []);
        derivedIn.set(y, rounds);
      }
      for (const f of facts)
        if ((f.flags & DIRECTED) !== 0 && pending.has(f.to)) fresh.get(f.to)!.push(f);
      const derivedNow = pending;
      pending = new Set();
      for (const y of derivedNow) {
        const before = kept(y);
        if (before === undefined) return undefined;
        if (!sameFacts(before, fresh.get(y)!)) moved.add(y);
        // An entity derived in an earlier round below one whose facts came out different now
        // was derived against that one's old controllers: derived again (a fixpoint: the
        // rounds stop once no entity's facts change).
        if (sameFacts(previous.get(y)!, fresh.get(y)!)) continue;
        for (const d of walk.downstreamOf(y)) {
          if (reDerived.has(d) && derivedIn.get(d)! < rounds) pending.add(d);
        }
      }
    }
    // Control passes the change on: what a moved entity controls has new ancestors too.
    for (let grew = true; grew;) {
      grew = false;
      for (const y of reDerived) {
        if (moved.has(y)) continue;
        for (const f of fresh.get(y)!) {
          if ((f.flags & SINGLE) !== 0 && moved.has(f.from)) {
            moved.add(y);
            grew = true;
            break;
          }
        }
      }
    }
    // What a moved entity controls by a kept fact has new ancestry too, and so on down:
    // the whole subtree joins in one round, without deriving it first to find out.
    const stack = [...moved];
    while (stack.length > 0) {
      for (const d of walk.downstreamOf(stack.pop()!)) {
        join(d);
        if (moved.has(d) || !reDerived.has(d)) continue;
        const before = kept(d);
        if (before === undefined) return undefined;
        if (before.some((f) => (f.flags & SINGLE) !== 0 && moved.has(f.from))) {
          moved.add(d);
          stack.push(d);
        }
      }
    }
    if (pending.size > 0) continue;

    changed = new Map();
    for (const y of reDerived) {
      const after = fresh.get(y)!;
      if (!sameFacts(kept(y)!, after)) changed.set(y, after);
    }
    // R9 needs to know who controls anything: for a person that may have gained its first
    // or lost its last control, everything its family controls directly is re-derived too.
    const unsure = [...mayChangeStatus(store, changed, kept, groupAt, current)].filter(
      (p) => !judged.has(p),
    );
    if (unsure.length === 0) break;
    for (const p of unsure) judged.add(p);
    for (const x of [...unsure, ...walk.kinOf(unsure)])
      for (const d of walk.downstreamOf(x)) join(d);
  }

  // The R9 ties of the judged persons, from one derivation of everything they and their
  // families control directly: there each one's "controls something" is exact.
  const kin = new Map<number, StoredFact[]>();
  for (const p of judged) kin.set(p, []);
  if (judged.size > 0) {
    const controlled = new Set<number>();
    for (const x of [...judged, ...walk.kinOf(judged)])
      for (const d of walk.downstreamOf(x)) if (store.hasEntityAt(d)) controlled.add(d);
    const facts = controlled.size > 0 ? deriveAround(controlled) : [];
    if (!facts) return undefined;
    for (const f of facts) {
      if ((f.flags & KIN) === 0 || (f.flags & JOINS) === 0) continue;
      kin.get(f.from)?.push(f);
      if (f.to !== f.from) kin.get(f.to)?.push(f);
    }
  }
  return recombine(store, { into: changed, kin }, groupAt, current, { rounds, derived });
}

/**
 * The entities a derivation of `reDerived` needs: each re-derived entity's upstream
 * neighbours with the part of their own group upstream of them, the holders, appointers and
 * linked parties of all those bare, and the families of the persons among them (R3 pools
 * one person with his relatives, whose kinship may run through others). Upstream runs
 * along the edges a control fact can rest on only: stakes and posts in a company, links to
 * a party (a relative or a link's target is no controller).
 *
 * Why that is enough: whoever controls y controls one of y's upstream neighbours or rests
 * on an edge into y, so the derivation needs every controller of each entity walked, with
 * the evidence of that control. Control that joins groups keeps both inside the walked
 * group part. Control that joins no group (E1: a state body, or a route through one; an
 * R11 SEVER) may come from outside it: a state body holding 60 % of two outer holders that
 * hold 30 % each. So may control the write created, before groups are formed again. The
 * facts into a walked entity name every one of its controllers, joining or not: the new
 * ones when it was re-derived already, else the kept ones (its controllers are as they
 * were: what the write changes runs through entities re-derived first, or in the same
 * derivation with their own upstream). Each one missing is walked too, with the part of
 * its own group upstream of it, and so on up. A bare holder that a party in the support
 * controls without joining carries that party's control to what it holds (the outer
 * holders above), so it is walked as well: the evidence of that control need not lie in
 * any walked group. A joining controller of a bare holder shares the holder's group; had
 * its control through the holder reached a walked entity before the write, the holder
 * would share that entity's group too and be walked with it. Control the write gave an
 * entity (`controlChanged`) is not in any group yet: that entity's holders are walked, not
 * bare (its new controller may hold it through a company it controls by a chain that runs
 * elsewhere in its own group). Nor is a bare holder whose group a party in the support
 * controls without joining: that control reaches it by the group's joining facts. Only
 * these widen the support: a write whose support holds no state body, severed link, new
 * outside controller or newly controlled entity walks what it walked before. Undefined when
 * the facts of an entity or group to check are unknown: the caller re-derives whole groups
 * then.
 */
function supportOf(
  walk: TodayGraph,
  reDerived: ReadonlySet<number>,
  groupAt: (i: number) => GroupShape,
  controllersOf: (i: number) => readonly StoredFact[] | undefined,
  controlChanged: (i: number) => boolean,
  groupFactsOf: (group: GroupShape) => GroupFacts | undefined,
): { all: Set<number>; bare: Set<number> } | undefined {
  const all = new Set(reDerived);
  const bare = new Set<number>();
  /** Walked entities whose kept controllers are not checked yet. */
  const unchecked: number[] = [];
  const take = (u: number) => {
    if (all.has(u)) return;
    for (const i of upstreamInGroup(walk, u, groupAt, (j) => all.has(j))) {
      all.add(i);
      bare.delete(i);
      unchecked.push(i);
    }
  };
  for (const d of reDerived) for (const u of walk.controlUpstreamOf(d)) take(u);
  /** Entities whose upstream neighbours are in `all` or `bare` already. */
  const spread = new Set<number>();
  /** Non-joining controllers of a group's members (see GroupFacts.outsideControllers). */
  const outsideControllersOf = (group: GroupShape): readonly number[] | undefined =>
    group.memberIds.length === 1 ? [] : groupFactsOf(group)?.outsideControllers();
  for (;;) {
    while (unchecked.length > 0) {
      const facts = controllersOf(unchecked.pop()!);
      if (!facts) return undefined;
      for (const f of facts) take(f.from);
    }
    let widened = false;
    for (const x of all) {
      if (spread.has(x)) continue;
      spread.add(x);
      // Control this write gave x rests on x's holders' own controllers, which need not share
      // a group with x yet: its holders are walked, not bare.
      const newlyControlled = controlChanged(x);
      for (const u of walk.controlUpstreamOf(x)) {
        if (all.has(u)) continue;
        if (newlyControlled) {
          bare.delete(u);
          take(u);
          widened = true;
        } else bare.add(u);
      }
    }
    for (const b of bare) {
      const facts = controllersOf(b);
      if (!facts) return undefined;
      const sources = outsideControllersOf(groupAt(b));
      if (!sources) return undefined;
      const fromSupport = (f: StoredFact) => (f.flags & JOINS) === 0 && all.has(f.from);
      if (facts.some(fromSupport) || sources.some((from) => all.has(from))) {
        bare.delete(b);
        take(b);
        widened = true;
      }
    }
    if (!widened) break;
  }
  for (const u of bare) all.add(u);
  for (const k of walk.kinOf(all)) {
    if (all.has(k)) continue;
    all.add(k);
    bare.add(k);
  }
  return { all, bare };
}

/**
 * Persons whose directed facts changed and who may thereby control something now and
 * nothing before, or the other way (R9 joins relatives who both control something). Only
 * facts kept in view can show a status unchanged: the person's own group's (its joining
 * control is there) and those of the re-derived entities.
 */
function mayChangeStatus(
  store: GraphStore,
  changed: ReadonlyMap<number, StoredFact[]>,
  kept: (i: number) => readonly StoredFact[] | undefined,
  groupAt: (i: number) => GroupShape,
  current: CurrentFacts,
): Set<number> {
  const persons = new Set<number>();
  for (const [y, after] of changed) {
    for (const f of [...kept(y)!, ...after])
      if (store.entityAt(f.from)?.kind === 'PERSON') persons.add(f.from);
  }
  const unsure = new Set<number>();
  for (const p of persons) {
    const before = new Set<number>();
    const facts = current.factsOf(groupAt(p));
    for (const f of facts?.facts ?? []) {
      if ((f.flags & DIRECTED) !== 0 && f.from === p) before.add(f.to);
    }
    for (const y of changed.keys()) for (const f of kept(y)!) if (f.from === p) before.add(y);
    const after = new Set(before);
    for (const [y, facts] of changed) {
      if (facts.some((f) => f.from === p)) after.add(y);
      else after.delete(y);
    }
    if (before.size === 0 || after.size === 0) unsure.add(p);
  }
  return unsure;
}
