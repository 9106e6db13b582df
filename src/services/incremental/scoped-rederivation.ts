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
  /** The groups derived for `scope`, to replace the current groups of its entities. */
  next: GroupShape[];
  /** Derivations it took until the groups around the scope held still. */
  rounds: number;
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
 * R10 partners of the persons among them. A group's facts rest on its own members' edges,
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
  touched: readonly string[],
  date: string,
  policy: ControlPolicy,
  limits: ScopeLimits,
): ScopedRederivation | undefined {
  const walk = new TodayWalk(store, date);
  const scope = new Set<string>();
  const addGroupOf = (id: string) => {
    for (const m of groupOf(id).memberIds) scope.add(m);
  };
  for (const id of touched) if (store.hasEntity(id)) addGroupOf(id);
  for (const id of walk.kinOf(scope)) addGroupOf(id);

  for (let round = 1; round <= limits.maxRounds; round++) {
    const all = contextAround(walk, scope, groupOf);
    if (all.size > limits.maxEntities) return undefined;
    const derivation = deriveGroups(walk.subgraph(all), date, policy);
    const next = shapesOf(derivation);
    const moved = contextThatMoved(next, scope, groupOf);
    if (moved.length === 0) return { scope: all, next, rounds: round };
    for (const id of moved) addGroupOf(id);
  }
  return undefined;
}

/** The scope, its neighbours today, their relatives and R10 partners: whole groups each. */
function contextAround(
  walk: TodayWalk,
  scope: ReadonlySet<string>,
  groupOf: CurrentGroupOf,
): Set<string> {
  const around = new Set<string>();
  for (const id of scope) for (const other of walk.neighbours(id)) around.add(other);
  for (const id of walk.kinOf(around)) around.add(id);
  for (const id of walk.partnersOf([...scope, ...around])) around.add(id);
  const all = new Set(scope);
  for (const id of around) for (const m of groupOf(id).memberIds) all.add(m);
  return all;
}

/** Context entities whose derived group is not their current group (members or heads). */
function contextThatMoved(
  next: readonly GroupShape[],
  scope: ReadonlySet<string>,
  groupOf: CurrentGroupOf,
): string[] {
  const moved: string[] = [];
  for (const group of next) {
    if (group.memberIds.every((id) => scope.has(id))) continue;
    if (!sameAsCurrent(group, groupOf)) {
      for (const id of group.memberIds) if (!scope.has(id)) moved.push(id);
    }
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

  neighbours(id: string): string[] {
    const out: string[] = [];
    for (const e of this.edgesOf(id))
      for (const end of endpoints(e.table, e.edge)) if (end !== id) out.push(end);
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

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
