import { deriveGroups } from '../../domain/control/derive-groups';
import type { GroupShape } from '../../domain/groups';
import { emptyControlGraph, isValidOn, type ControlGraph } from '../../domain/model';
import type { ControlPolicy } from '../../domain/policy/control-policy';
import { shapesOf } from '../derivation/full-derivation';
import { GROUP_EDGE_TABLES, type AnyEdge, type GraphStore, type EdgeRef } from '../graph-store';

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
  // R10 links rest on posts and kinship, not on control: the companies whose key post
  // holders the write touched (or their relatives) may link or unlink, whole groups at once.
  addGroupsOf(walk.partnersOf([...changed, ...walk.kinOf(changed)]));

  for (let round = 1; round <= limits.maxRounds; round++) {
    const { bare, reached } = supportAround(walk, scope, changed, groupOf);
    const all = new Set([...scope, ...reached]);
    for (const id of walk.witnessesOf(all, bare)) all.add(id);
    for (const id of bare) all.add(id);
    if (all.size > limits.maxEntities) return undefined;
    const derived = shapesOf(deriveGroups(walk.subgraph(all), date, policy));
    const moved = outsidersThatMoved(derived, scope, groupOf);
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
 * The parties around the scope that its derivation needs.
 * Downstream of a change, each comes with the part of its group upstream of it, where every
 * controller of it and every intermediary of that control lies:
 * - the holders, appointers and linked parties of what the change reaches (their
 *   controllers' tallies there may now cross the threshold);
 * - what the change reaches holds stakes in or posts at (the scope may now control them);
 * - relatives of the scope's persons, with what they control (R9 joins relatives who both
 *   control).
 * Elsewhere the scope's holders come bare: a scope member's controllers, and all the
 * evidence of their control, are inside the scope (control joins groups), so its holders
 * are needed only as rows (board counts, pools, "no single controller").
 * Parts of groups are not judged against today: all a write can do outside its scope is
 * pull a party into a scope group (control from outside a group never takes effect inside
 * it; R9 and R10 links already inside one are inside the scope), and such a party is
 * then judged as an outsider and its whole group taken into the scope.
 */
function supportAround(
  walk: TodayWalk,
  scope: ReadonlySet<string>,
  changed: readonly string[],
  groupOf: CurrentGroupOf,
): { bare: Set<string>; reached: Set<string> } {
  const bare = new Set<string>();
  for (const id of scope) for (const other of walk.upstreamOf(id)) bare.add(other);
  const parties = new Set<string>();
  for (const id of walk.downstream(changed, scope)) {
    for (const other of walk.upstreamOf(id)) parties.add(other);
    for (const other of walk.downstreamOf(id)) parties.add(other);
  }
  const members = new GroupMembers(groupOf);
  for (const relative of walk.kinOf(scope)) {
    if (scope.has(relative)) continue;
    parties.add(relative);
    const own = members.of(relative);
    for (const d of walk.downstreamOf(relative)) if (own.has(d)) parties.add(d);
  }
  const reached = new Set<string>();
  for (const party of parties) {
    if (scope.has(party) || reached.has(party)) continue;
    for (const up of walk.upstream([party], members.of(party))) reached.add(up);
  }
  for (const id of [...scope, ...reached]) bare.delete(id);
  return { bare, reached };
}

/** Member sets of current groups, built once per group. */
class GroupMembers {
  private readonly sets = new Map<GroupShape, Set<string>>();

  constructor(private readonly groupOf: CurrentGroupOf) {}

  of(id: string): Set<string> {
    const group = this.groupOf(id);
    let members = this.sets.get(group);
    if (!members) this.sets.set(group, (members = new Set(group.memberIds)));
    return members;
  }
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
    if (inScope || distinctGroups(group.memberIds, groupOf).size > 1) {
      for (const id of group.memberIds) if (!scope.has(id)) moved.push(id);
    }
  }
  return moved;
}

/** The current groups of `ids`, each once (a big group has many neighbours in a scope). */
function distinctGroups(ids: Iterable<string>, groupOf: CurrentGroupOf): Set<GroupShape> {
  const groups = new Set<GroupShape>();
  for (const id of ids) groups.add(groupOf(id));
  return groups;
}

/** Walks over the edges valid on one date, reading the in-memory graph. */
class TodayWalk {
  private readonly cache = new Map<string, EdgeRef[]>();

  constructor(
    private readonly store: GraphStore,
    private readonly date: string,
  ) {}

  edgesOf(id: string): EdgeRef[] {
    let edges = this.cache.get(id);
    if (!edges) {
      edges = this.store.incidentRefs(id).filter((e) => isValidOn(e, this.date));
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

  private across(id: string, takes: (e: EdgeRef) => boolean): string[] {
    const out: string[] = [];
    for (const e of this.edgesOf(id)) {
      if (!takes(e)) continue;
      for (const end of e.ends) if (end !== id) out.push(end);
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
        for (const end of e.ends) {
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
  witnessesOf(ids: ReadonlySet<string>, kinOnly: ReadonlySet<string>): Set<string> {
    const witnesses = new Set<string>();
    for (const id of ids) {
      for (const e of this.edgesOf(id)) {
        if (e.table === 'shareholdings') continue;
        for (const end of e.ends) if (!ids.has(end)) witnesses.add(end);
      }
    }
    for (const id of this.kinOf([...ids, ...witnesses, ...kinOnly])) {
      if (!ids.has(id)) witnesses.add(id);
    }
    return witnesses;
  }

  /**
   * Private companies whose legal representative or actual controller is among `ids` or
   * holds that post at a company among them: the companies R10 may link them with.
   */
  partnersOf(ids: Iterable<string>): Set<string> {
    const partners = new Set<string>();
    for (const id of ids) {
      for (const e of this.edgesOf(id)) {
        if (!this.isKeyPost(e)) continue;
        for (const post of this.edgesOf(e.ends[0])) {
          if (this.isKeyPost(post)) partners.add(post.ends[1]);
        }
      }
    }
    return partners;
  }

  private isKeyPost({ table, role, ends }: EdgeRef): boolean {
    if (table !== 'roles') return false;
    if (role !== 'LEGAL_REPRESENTATIVE' && role !== 'ACTUAL_CONTROLLER') return false;
    const company = this.store.entity(ends[1]);
    return company?.kind === 'COMPANY' && company.ownership === 'PRIVATE';
  }

  /** The rows valid today with every end inside `ids`, sorted by id like GraphStore's. */
  subgraph(ids: ReadonlySet<string>): ControlGraph {
    const graph = emptyControlGraph();
    const taken = new Set<number>();
    for (const id of ids) {
      const entity = this.store.entity(id);
      if (entity) graph.entities.push(entity);
      for (const e of this.edgesOf(id)) {
        if (taken.has(e.key) || !e.ends.every((end) => ids.has(end))) continue;
        taken.add(e.key);
        (graph[e.table] as AnyEdge[]).push(this.store.edgeByKey(e.key));
      }
    }
    graph.entities.sort(byId);
    for (const table of GROUP_EDGE_TABLES) (graph[table] as AnyEdge[]).sort(byId);
    return graph;
  }
}

/** The company a stake or post is in; undefined for the kinds that run both ways. */
function companyOf({ table, ends }: EdgeRef): string | undefined {
  return table === 'shareholdings' || table === 'roles' ? ends[1] : undefined;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
