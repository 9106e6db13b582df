import { deriveGroups } from '../../domain/control/derive-groups';
import type { GroupShape } from '../../domain/groups';
import { emptyControlGraph, isValidOn, type ControlGraph } from '../../domain/model';
import type { ControlPolicy } from '../../domain/policy/control-policy';
import { shapesOf } from '../derivation/full-derivation';
import {
  endpoints,
  GROUP_EDGE_TABLES,
  type AnyEdge,
  type GraphStore,
  type IncidentEdge,
} from '../graph-store';

/** Today's group of an entity as the engine holds it; an entity new to the engine is alone. */
export type CurrentGroupOf = (entityId: string) => GroupShape;

export interface ScopedRederivation {
  /** Every entity whose group was re-derived: whole current groups only. */
  scope: ReadonlySet<string>;
  /** The groups derived for `scope` (exactly its entities), to replace their current groups. */
  next: GroupShape[];
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
): ScopedRederivation | undefined {
  const walk = new TodayWalk(store, date);
  const scope = new Set<string>();
  const addGroupsOf = (ids: Iterable<string>) => {
    for (const group of distinctGroups(ids, groupOf)) for (const m of group.memberIds) scope.add(m);
  };
  addGroupsOf(write.touched.filter((id) => store.hasEntity(id)));
  // Where controllers may have changed: what the written rows bear on, then whatever moved.
  const changed = write.targets.filter((id) => store.hasEntity(id));
  addGroupsOf(walk.kinOf(scope));

  for (let round = 1; round <= limits.maxRounds; round++) {
    const context = contextAround(walk, scope, changed, groupOf);
    const all = new Set([...scope, ...context]);
    for (const id of supportAround(walk, scope, changed, groupOf)) all.add(id);
    for (const id of walk.witnessesOf(all)) all.add(id);
    if (all.size > limits.maxEntities) return undefined;
    const derived = shapesOf(deriveGroups(walk.subgraph(all), date, policy));
    const moved = outsidersThatMoved(derived, scope, context, groupOf);
    if (moved.length === 0) {
      const next = derived.filter((g) => scope.has(g.memberIds[0]));
      return { scope, next, rounds: round, derived: all.size };
    }
    addGroupsOf(moved);
    changed.push(...moved);
  }
  return undefined;
}

/**
 * Whole current groups around the scope, to be judged against today: of the relatives of
 * its persons (R9) and of the R10 partners around the change.
 */
function contextAround(
  walk: TodayWalk,
  scope: ReadonlySet<string>,
  changed: readonly string[],
  groupOf: CurrentGroupOf,
): Set<string> {
  const around = walk.kinOf(scope);
  // R10 facts change only where posts, relatives or ownership changed: around the change.
  for (const id of walk.partnersOf([...changed, ...walk.kinOf(changed)])) around.add(id);
  const context = new Set<string>();
  for (const group of distinctGroups(around, groupOf)) {
    for (const m of group.memberIds) if (!scope.has(m)) context.add(m);
  }
  return context;
}

/**
 * The parties next to the scope, each with whatever controls it — the part of its group
 * upstream of it, where every controller and every intermediary of that control lies:
 * upstream, what the scope's control rests on (holders, appointers, linked parties);
 * downstream of a change, what the scope may now come to control.
 * Not judged against today: a part of a group need not come out as the group. What the
 * write can do to them is join them to a scope group (control from outside a group never
 * takes effect inside it), and then they are judged, as outsiders.
 */
function supportAround(
  walk: TodayWalk,
  scope: ReadonlySet<string>,
  changed: readonly string[],
  groupOf: CurrentGroupOf,
): Set<string> {
  const next = new Set<string>();
  for (const id of scope) for (const other of walk.upstreamOf(id)) next.add(other);
  for (const id of walk.downstream(changed, scope)) {
    for (const other of walk.downstreamOf(id)) next.add(other);
  }
  const support = new Set<string>();
  const membersOf = new Map<GroupShape, Set<string>>();
  for (const party of next) {
    if (scope.has(party) || support.has(party)) continue;
    const group = groupOf(party);
    let members = membersOf.get(group);
    if (!members) membersOf.set(group, (members = new Set(group.memberIds)));
    for (const up of walk.upstream([party], members)) support.add(up);
  }
  return support;
}

/** The current groups of `ids`, each once (a big group has many neighbours in a scope). */
function distinctGroups(ids: Iterable<string>, groupOf: CurrentGroupOf): Set<GroupShape> {
  const groups = new Set<GroupShape>();
  for (const id of ids) groups.add(groupOf(id));
  return groups;
}

/**
 * Entities outside the scope that the derivation put somewhere new: into a scope group, or
 * a context group that did not come out as it is today. Groups of witnesses alone (key-post
 * holders and relatives brought in for R9/R10) are not judged: only their edges were needed.
 */
function outsidersThatMoved(
  derived: readonly GroupShape[],
  scope: ReadonlySet<string>,
  context: ReadonlySet<string>,
  groupOf: CurrentGroupOf,
): string[] {
  const moved: string[] = [];
  for (const group of derived) {
    const judged = group.memberIds.some((id) => scope.has(id))
      ? true
      : group.memberIds.some((id) => context.has(id)) && !sameAsCurrent(group, groupOf);
    if (judged) for (const id of group.memberIds) if (!scope.has(id)) moved.push(id);
  }
  return moved;
}

function sameAsCurrent(group: GroupShape, groupOf: CurrentGroupOf): boolean {
  const current = groupOf(group.memberIds[0]);
  return sameList(current.headIds, group.headIds) && sameSet(current.memberIds, group.memberIds);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const members = new Set(a);
  return b.every((id) => members.has(id));
}

/** Walks over the edges valid on one date, reading the in-memory graph. */
class TodayWalk {
  private readonly cache = new Map<string, IncidentEdge[]>();

  constructor(
    private readonly store: GraphStore,
    private readonly date: string,
  ) {}

  edgesOf(id: string): IncidentEdge[] {
    let edges = this.cache.get(id);
    if (!edges) {
      edges = this.store.incidentEdges(id).filter((e) => isValidOn(e.edge, this.date));
      this.cache.set(id, edges);
    }
    return edges;
  }

  /** Whom `id`'s control rests on: its holders, post holders and appointers, linked parties. */
  upstreamOf(id: string): string[] {
    return this.across(id, (e) => companyOf(e) === undefined || companyOf(e) === id);
  }

  /** Whose control `id` bears on: the companies it holds or posts at, linked parties. */
  downstreamOf(id: string): string[] {
    return this.across(id, (e) => companyOf(e) !== id);
  }

  /** What lies downstream of `from` inside `within`, `from` included. */
  downstream(from: readonly string[], within: ReadonlySet<string>): Set<string> {
    return this.closure(from, within, (id) => this.downstreamOf(id));
  }

  /** What lies upstream of `from` inside `within`, `from` included. */
  upstream(from: readonly string[], within: ReadonlySet<string>): Set<string> {
    return this.closure(from, within, (id) => this.upstreamOf(id));
  }

  private closure(
    from: readonly string[],
    within: ReadonlySet<string>,
    step: (id: string) => string[],
  ): Set<string> {
    const seen = new Set(from);
    const stack = [...from];
    while (stack.length > 0) {
      for (const next of step(stack.pop()!)) {
        if (within.has(next) && !seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return seen;
  }

  private across(id: string, takes: (e: IncidentEdge) => boolean): string[] {
    const out: string[] = [];
    for (const e of this.edgesOf(id)) {
      if (!takes(e)) continue;
      for (const end of endpoints(e.table, e.edge)) if (end !== id) out.push(end);
    }
    return out;
  }

  /** The family-tie components of the persons among `ids` (kin rules walk more than one tie). */
  kinOf(ids: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const stack: string[] = [];
    for (const id of ids) stack.push(id);
    while (stack.length > 0) {
      const id = stack.pop()!;
      for (const e of this.edgesOf(id)) {
        if (e.table !== 'familyTies') continue;
        for (const end of endpoints(e.table, e.edge)) {
          if (!seen.has(end)) {
            seen.add(end);
            stack.push(end);
          }
        }
      }
    }
    return seen;
  }

  /**
   * Who R9 and R10 facts among `ids` rest on without being members: the holders and
   * appointers of posts, linked parties and relatives (with their family's ties).
   */
  witnessesOf(ids: ReadonlySet<string>): Set<string> {
    const witnesses = new Set<string>();
    for (const id of ids) {
      for (const e of this.edgesOf(id)) {
        if (e.table === 'shareholdings') continue;
        for (const end of endpoints(e.table, e.edge)) if (!ids.has(end)) witnesses.add(end);
      }
    }
    for (const id of this.kinOf([...ids, ...witnesses])) if (!ids.has(id)) witnesses.add(id);
    return witnesses;
  }

  /** Companies that share a key post holder with a company among `ids` (R10's star). */
  partnersOf(ids: Iterable<string>): Set<string> {
    const partners = new Set<string>();
    for (const id of ids) {
      for (const e of this.edgesOf(id)) {
        if (e.table !== 'roles') continue;
        const holder = (e.edge as { holderId: string }).holderId;
        for (const post of this.edgesOf(holder)) {
          if (post.table === 'roles') partners.add((post.edge as { companyId: string }).companyId);
        }
      }
    }
    return partners;
  }

  /** The rows valid today with every end inside `ids`, sorted by id like GraphStore's. */
  subgraph(ids: ReadonlySet<string>): ControlGraph {
    const graph = emptyControlGraph();
    const taken = new Set<AnyEdge>();
    for (const id of ids) {
      const entity = this.store.entity(id);
      if (entity) graph.entities.push(entity);
      for (const e of this.edgesOf(id)) {
        if (taken.has(e.edge) || !endpoints(e.table, e.edge).every((end) => ids.has(end))) continue;
        taken.add(e.edge);
        (graph[e.table] as AnyEdge[]).push(e.edge);
      }
    }
    graph.entities.sort(byId);
    for (const table of GROUP_EDGE_TABLES) (graph[table] as AnyEdge[]).sort(byId);
    return graph;
  }
}

/** The company a stake or post is in; undefined for the kinds that run both ways. */
function companyOf({ table, edge }: IncidentEdge): string | undefined {
  return table === 'shareholdings' || table === 'roles'
    ? (edge as { companyId: string }).companyId
    : undefined;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
