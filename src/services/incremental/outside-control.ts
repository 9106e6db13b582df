import type { GroupShape } from '../../domain/groups';
import { type GroupFacts, JOINS, type StoredFact } from './group-facts';
import type { TodayGraph } from './today-graph';

/**
 * `u` with the part of its own current group upstream of it by control edges, entities for
 * which `stop` holds left out (`u` itself always in): where every joining controller of `u`
 * and every intermediary of that control lies.
 */
export function upstreamInGroup(
  walk: TodayGraph,
  u: number,
  groupAt: (i: number) => GroupShape,
  stop: (i: number) => boolean,
): Set<number> {
  const group = groupAt(u);
  const part = new Set<number>();
  walk.controlUpstream([u], (i) => !stop(i) && groupAt(i) === group, part);
  return part;
}

/**
 * The context a whole-group derivation needs so that control joining no group (E1, a
 * severed link) comes out right for the entities it must get right (`require`), without
 * everything upstream of them.
 *
 * Control that joins groups keeps its controller and its evidence inside the group. Control
 * that joins no group may come from outside: a state body holding 60 % of two outer holders
 * that hold 30 % each. Such control is named by the kept facts, so:
 * - every kept controller of a required entity is walked, with the part of its own group
 *   upstream of it, and every kept controller of what was walked, and so on up;
 * - the holders of a walked entity come bare (their rows only), unless control that joins
 *   no group may pass through them (a kept fact into one that joins no group, or one into a
 *   member of its group upstream of it: that control passes down the group with no fact of
 *   its own), or a party of the derivation controls one (its tallies count the holder's
 *   stakes: a scope person's relative pooled with him, a severed controller; the evidence
 *   may lie anywhere in the holder's group upstream of it). Such a holder is walked too.
 * Where the facts of an entity to check are not kept, everything upstream of it is taken
 * instead (always right, however slow). A holder no control joining no group reaches stays
 * bare however big the tree above it: a write with no state body or severed link around it
 * takes nothing beyond its groups' holders.
 */
export class OutsideControlContext {
  /** Entities whose controllers, and the evidence of their control, are in `all`. */
  private readonly walked = new Set<number>();
  private readonly queue: number[] = [];
  /** Holders of walked entities left bare so far (a party taken later may control them). */
  private readonly bare = new Set<number>();
  /** Bare holders no control joining no group reaches through their own group. */
  private readonly clean = new Set<number>();

  constructor(
    private readonly walk: TodayGraph,
    private readonly groupAt: (i: number) => GroupShape,
    private readonly factsOf: (group: GroupShape) => GroupFacts | undefined,
    /** The derivation's entities: what the context needs is added to it. */
    private readonly all: Set<number>,
  ) {}

  /** Entities whose facts the derivation must get right (again and again: it remembers). */
  require(entities: Iterable<number>): void {
    for (const i of entities) this.markWalked(i);
    this.close();
  }

  private close(): void {
    for (;;) {
      while (this.queue.length > 0) this.visit(this.queue.pop()!);
      let widened = false;
      for (const b of this.bare) {
        if (!this.controlledFromContext(b)) continue;
        this.take(b);
        widened = true;
      }
      if (!widened) return;
    }
  }

  /** Takes every kept controller of `x`, then judges its holders. */
  private visit(x: number): void {
    const facts = this.controllersOf(x);
    if (!facts) {
      this.takeAncestors(x);
      return;
    }
    for (const f of facts) this.take(f.from);
    for (const u of this.walk.controlUpstreamOf(x)) {
      if (this.walked.has(u) || this.bare.has(u)) continue;
      this.all.add(u);
      const held = this.controllersOf(u);
      if (!held) this.takeAncestors(u);
      else if (held.some(notJoining) || this.reachedInGroup(u) || this.controlledFromContext(u))
        this.take(u);
      else this.bare.add(u);
    }
  }

  /** `u` walked with the part of its own group upstream of it. */
  private take(u: number): void {
    if (this.walked.has(u)) return;
    for (const i of upstreamInGroup(this.walk, u, this.groupAt, (j) => this.walked.has(j)))
      this.markWalked(i);
  }

  /** Everything upstream of `x`: its facts are unknown, so all its possible controllers. */
  private takeAncestors(x: number): void {
    const ancestors = new Set<number>();
    this.walk.controlUpstream([x], (i) => !this.walked.has(i), ancestors);
    for (const i of ancestors) {
      // Its own controllers are all among the ancestors: nothing to check.
      this.walked.add(i);
      this.bare.delete(i);
      this.all.add(i);
    }
  }

  private markWalked(i: number): void {
    if (this.walked.has(i)) return;
    this.walked.add(i);
    this.bare.delete(i);
    this.all.add(i);
    this.queue.push(i);
  }

  /** The kept directed facts into `i`; undefined when not kept. */
  private controllersOf(i: number): readonly StoredFact[] | undefined {
    return this.factsOf(this.groupAt(i))?.into(i);
  }

  /**
   * Whether a party of the derivation controls bare `b`: its tallies below count b's stakes
   * (a pool of a scope member's relatives, a severed controller), so the evidence of that
   * control is needed, which may lie anywhere in b's group upstream of it.
   */
  private controlledFromContext(b: number): boolean {
    return this.controllersOf(b)!.some((f) => this.all.has(f.from));
  }

  /**
   * Whether control joining no group reaches `u` through its own group: some member upstream
   * of it there has a fact that joins no group (S-1 > H > u: u's only fact is H's).
   */
  private reachedInGroup(u: number): boolean {
    const group = this.groupAt(u);
    if (group.memberIds.length === 1) return false;
    const facts = this.factsOf(group)!;
    if (facts.outsideControllers().length === 0) return false;
    const part = upstreamInGroup(this.walk, u, this.groupAt, (j) => this.clean.has(j));
    for (const m of part) if (facts.into(m).some(notJoining)) return true;
    // Each member's own part lies inside u's: none of them is reached either.
    for (const m of part) this.clean.add(m);
    return false;
  }
}

const notJoining = (f: StoredFact) => (f.flags & JOINS) === 0;
