import { deriveGroups } from '../../domain/control/derive-groups';
import type { GroupShape, IdentifiedGroup } from '../../domain/groups';
import type { ControlPolicy } from '../../domain/policy/control-policy';
import { shapesOf } from '../derivation/full-derivation';
import type { GraphStore } from '../graph-store';
import { rederiveDownstream } from './downstream-rederivation';
import { storedFacts } from './group-facts';
import type { KeptFacts } from './kept-facts';
import { rederiveAroundWrite, type ScopeLimits } from './scoped-rederivation';

/** What a write changed, as the graph-write service tells the engine. */
export interface WriteScope {
  /** Entities whose groups may change. */
  touched: string[];
  /** Entities whose controllers the write bears on directly (a stake's company, …). */
  targets: string[];
  /**
   * True when the write can change control facts only: no kinship, R10 key post, acting-in-
   * concert link, designation or entity changed. Such a write re-derives downstream of its
   * targets only (see downstream-rederivation).
   */
  controlOnly?: boolean;
}

/** How far a write's re-derivation may grow, and what it does past that. */
export interface WriteLimits extends ScopeLimits {
  /**
   * Past the scope limits, a bank of more entities than this is re-derived whole by the
   * engine's full derivation (off the event loop, from the columnar store: seconds at a
   * million entities) rather than the write's component from records on the calling thread
   * (tens of seconds there, and a heap of records the size of the component).
   */
  wholeBankAbove: number;
}

/** The engine's state a write is re-derived against. */
export interface EngineView {
  store: GraphStore;
  groupNow(entityId: string): IdentifiedGroup | undefined;
  facts: KeptFacts;
  /** Whether the current groups are today's (facts of another day are of no use). */
  today: boolean;
}

export interface WriteOutcome {
  path: 'downstream' | 'groups' | 'component';
  /** Entities derived (all rounds of the downstream path; the last scope or the component). */
  derived: number;
  rounds: number;
  /** Current groups replaced by `next`. */
  prior: IdentifiedGroup[];
  next: GroupShape[];
  /** Keeps the facts the new groups rest on: call once the engine's groups moved on. */
  keep(): void;
}

/**
 * A write's new groups, by the cheapest way that is right for it: downstream of its
 * targets when it changes control only and the facts it needs are kept; else whole groups
 * around it (scoped-rederivation); past the limits, its whole weakly-connected component in
 * a small bank, and undefined in a large one: the caller re-derives the whole bank then.
 */
export function rederiveWrite(
  view: EngineView,
  write: WriteScope,
  date: string,
  policy: ControlPolicy,
  limits: WriteLimits,
): WriteOutcome | undefined {
  const { store, facts } = view;
  const groupsOf = (ids: Iterable<string>) => {
    const groups = new Set<IdentifiedGroup>();
    for (const id of ids) {
      const g = view.groupNow(id);
      if (g) groups.add(g);
    }
    return [...groups];
  };
  // One shape per entity new to the engine, so it is one group however often asked.
  const alone = new Map<string, GroupShape>();
  const groupOf = (id: string): GroupShape =>
    view.groupNow(id) ??
    alone.get(id) ??
    alone.set(id, { memberIds: [id], headIds: [id] }).get(id)!;

  if (write.controlOnly && view.today) {
    const current = { groupOf, factsOf: (group: GroupShape) => facts.of(group) };
    const part = rederiveDownstream(store, current, write.targets, date, policy, limits);
    if (part) {
      return {
        path: 'downstream',
        derived: part.derived,
        rounds: part.rounds,
        prior: part.prior.filter((g): g is IdentifiedGroup => 'id' in g),
        next: part.next,
        keep: () => {
          for (const [group, kept] of part.refreshed) facts.keep(group, kept);
          part.next.forEach((shape, i) => facts.keep(shape, part.nextFacts[i]));
        },
      };
    }
  }
  const scoped = rederiveAroundWrite(store, groupOf, write, date, policy, limits, (group) =>
    view.today ? facts.of(group) : undefined,
  );
  if (scoped) {
    return {
      path: 'groups',
      derived: scoped.derived,
      rounds: scoped.rounds,
      prior: groupsOf(scoped.scope),
      next: scoped.next,
      keep: () => {
        // Outside the scope facts into the entities below the write came out as kept (else
        // their groups joined the scope), and control passes no change on past them.
        facts.keepAll(scoped.next, scoped.facts);
      },
    };
  }
  if (store.entityCount > limits.wholeBankAbove) return undefined;
  // Past the limits: the whole weakly-connected component, always right, however slow.
  const component = store.componentOf(write.touched);
  const prior = groupsOf(component);
  // Prior groups may reach outside the component (a split elsewhere): include their members.
  const scope = new Set(component);
  for (const g of prior) for (const m of g.memberIds) scope.add(m);
  const whole = store.componentOf(scope);
  const graph = store.subgraph(whole);
  const derivation = deriveGroups(graph, date, policy);
  const numbers = graph.entities.map((e) => store.numberOfId(e.id));
  const kept = storedFacts(derivation, numbers, policy);
  const next = shapesOf(derivation);
  return {
    path: 'component',
    derived: whole.size,
    rounds: 1,
    prior,
    next,
    keep: () => facts.keepAll(next, kept),
  };
}
