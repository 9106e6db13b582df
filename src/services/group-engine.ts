import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { deriveGroups } from '../domain/control/derive-groups';
import { membershipChanges, splitUnchanged } from './group-diff';
import { deriveInThread, shapesOf, type FullDerivation } from './derivation/full-derivation';
import type { Derivation } from '../domain/control/types';
import {
  assignGroupIds,
  type GroupEvent,
  type GroupShape,
  type IdentifiedGroup,
} from '../domain/groups';
import type { ControlPolicy } from '../domain/policy/control-policy';
import { GroupRepository, type StoredGroup } from '../persistence/repositories/group.repository';
import { GraphStore } from './graph-store';
import { loadGraphStore } from './graph-store-loader';
import { rederiveAroundWrite, type ScopeLimits } from './incremental/scoped-rederivation';

/**
 * A write's re-derivation grows its scope until the groups around it hold still; past these
 * it re-derives the whole component instead (a bulk change is better served that way).
 */
const WRITE_SCOPE_LIMITS: ScopeLimits = { maxEntities: 200_000, maxRounds: 25 };

/** Groups re-derived inside a transaction, not yet visible to readers. */
export interface GroupChange {
  events: GroupEvent[];
  /** New or changed groups. */
  groups: IdentifiedGroup[];
  commit(): void;
}

/**
 * Keeps the bank's current group customers in step with the graph.
 *
 * Start: load the whole dated graph into a GraphStore, derive every group for today, give the
 * groups their lasting ids against those persisted last time, write what changed.
 * Write: the caller changes the store, then `rederive` re-derives only the groups the write
 * can reach (see scoped-rederivation), inside the caller's transaction.
 * Whole bank again (new day, policy change, bulk import): `rederiveAll`, through the
 * FullDerivation given (a worker thread in the server, so requests keep being answered).
 * Past dates: `deriveAround` derives the component of an entity on any date, on demand.
 */
export class GroupEngine {
  private groupIdOf = new Map<string, string>();
  private groups = new Map<string, IdentifiedGroup>();
  private derivedOn = '';
  /** Entities the last write re-derived (its scope with context): for logs and the bench. */
  lastWriteDerived = 0;

  constructor(
    private graph: GraphStore,
    /** The control policy in force on a date (policies are dated). */
    private readonly policyOn: (date: string) => ControlPolicy,
    private readonly today: () => string,
    private readonly log: Logger,
    private readonly deriveAll: FullDerivation = deriveInThread,
  ) {}

  static async start(
    em: EntityManager,
    policyOn: (date: string) => ControlPolicy,
    today: () => string,
    log: Logger,
    deriveAll: FullDerivation = deriveInThread,
  ): Promise<GroupEngine> {
    const started = Date.now();
    const store = await loadGraphStore(em);
    const engine = new GroupEngine(store, policyOn, today, log, deriveAll);
    const change = await em.transactional((tx) => engine.rederiveAll(tx, 'start-up'));
    change.commit();
    log.info({ entities: store.entityCount, ms: Date.now() - started }, 'groups derived');
    return engine;
  }

  /** The in-memory dated graph (replaced whole by `reload`). */
  get store(): GraphStore {
    return this.graph;
  }

  /**
   * Reloads the whole graph from PostgreSQL and re-derives today's groups: after a bulk import
   * by another process. Call under the write lock.
   */
  async reload(em: EntityManager, cause: string): Promise<GroupChange> {
    const fresh = await loadGraphStore(em);
    const previous = this.graph;
    this.graph = fresh;
    try {
      const change = await em.transactional((tx) => this.rederiveAll(tx, cause));
      change.commit();
      return change;
    } catch (err) {
      this.graph = previous;
      throw err;
    }
  }

  /** The current group id of an entity (every entity has one). */
  currentGroupId(entityId: string): string | undefined {
    return this.groupIdOf.get(entityId);
  }

  currentGroup(groupId: string): IdentifiedGroup | undefined {
    return this.groups.get(groupId);
  }

  get currentDate(): string {
    return this.derivedOn;
  }

  /** Re-derives everything when the calendar has moved on since the last derivation. */
  async ensureCurrent(em: EntityManager): Promise<void> {
    if (this.derivedOn !== this.today()) {
      const change = await em.transactional((tx) =>
        this.rederiveAll(tx, `date changed to ${this.today()}`),
      );
      change.commit();
    }
  }

  /** The derivation of the component around `entityIds` on `asOf`. */
  deriveAround(entityIds: Iterable<string>, asOf: string): Derivation {
    return deriveGroups(
      this.store.subgraph(this.store.componentOf(entityIds)),
      asOf,
      this.policyOn(asOf),
    );
  }

  async rederiveAll(em: EntityManager, cause: string): Promise<GroupChange> {
    const repo = new GroupRepository(em);
    // After start-up the engine's own state is the persisted state; before it, read it back.
    const date = this.today();
    // The worker derives while this thread reads back what was persisted last time.
    const [prior, next] = await Promise.all([
      this.derivedOn ? [...this.groups.values()] : repo.loadAll(),
      this.deriveAll(date, this.policyOn(date), this.graph),
    ]);
    return this.apply(repo, prior, next, date, cause);
  }

  /**
   * Re-derives the component(s) around `touched` after the store changed, writing the new
   * groups through `em` (the caller's transaction). Call `commit()` on the result once that
   * transaction has committed: only then does the engine's current state move on.
   */
  async rederive(
    em: EntityManager,
    { touched, targets }: { touched: string[]; targets: string[] },
    cause: string,
  ): Promise<GroupChange> {
    const date = this.today();
    const policy = this.policyOn(date);
    const scoped = rederiveAroundWrite(
      this.store,
      (id) => this.currentShape(id),
      { touched, targets },
      date,
      policy,
      WRITE_SCOPE_LIMITS,
    );
    if (scoped) {
      this.lastWriteDerived = scoped.derived;
      this.log.debug(
        { scope: scoped.scope.size, derived: scoped.derived, rounds: scoped.rounds },
        'write scope',
      );
      return this.apply(
        new GroupRepository(em),
        this.groupsOf(scoped.scope),
        scoped.next,
        date,
        cause,
      );
    }
    // Past the limits: the whole weakly-connected component, always right, however slow.
    const component = this.store.componentOf(touched);
    const prior = this.groupsOf(component);
    // Prior groups may reach outside the component (a split elsewhere): include their members.
    const scope = new Set(component);
    for (const g of prior) for (const m of g.memberIds) scope.add(m);
    const whole = this.store.componentOf(scope);
    this.lastWriteDerived = whole.size;
    const derivation = deriveGroups(this.store.subgraph(whole), date, policy);
    return this.apply(new GroupRepository(em), prior, shapesOf(derivation), date, cause);
  }

  /** The current groups of `ids`, each once. */
  private groupsOf(ids: Iterable<string>): IdentifiedGroup[] {
    const groups = new Set<IdentifiedGroup>();
    for (const id of ids) {
      const g = this.groups.get(this.groupIdOf.get(id) ?? '');
      if (g) groups.add(g);
    }
    return [...groups];
  }

  private currentShape(id: string): GroupShape {
    return this.groups.get(this.groupIdOf.get(id) ?? '') ?? { memberIds: [id], headIds: [id] };
  }

  private async apply(
    repo: GroupRepository,
    prior: IdentifiedGroup[],
    next: GroupShape[],
    date: string,
    cause: string,
  ): Promise<GroupChange> {
    // Most groups of a whole-bank pass come out as they were: set them aside unchanged, so
    // identity, diff and SQL work on what changed only.
    const { unchanged, prior: before, next: after } = splitUnchanged(prior, next);
    const beforeIds = new Set(before.map((g) => g.id));
    const unchangedIds = new Set(unchanged.map((g) => g.id));
    // Ids held by groups outside the change: a view, never a copy of the bank's ids.
    const takenIds = {
      has: (id: string) => unchangedIds.has(id) || (this.groups.has(id) && !beforeIds.has(id)),
    };
    const { groups: changed, events } = assignGroupIds(before, after, { date, cause, takenIds });

    const kept = new Set(changed.map((g) => g.id));
    const removed = before.filter((g) => !kept.has(g.id)).map((g) => g.id);
    await repo.save({
      removedGroupIds: removed,
      groups: changed.map((g) => this.named(g)),
      memberships: membershipChanges(before, changed),
      derivedOn: date,
    });
    await repo.appendEvents(events);

    const commit = () => {
      for (const id of removed) this.groups.delete(id);
      for (const g of [...unchanged, ...changed]) {
        this.groups.set(g.id, g);
        for (const m of g.memberIds) this.groupIdOf.set(m, g.id);
      }
      this.derivedOn = date;
    };
    this.log.debug(
      { changed: changed.length, removed: removed.length, events: events.length },
      'groups re-derived',
    );
    return { events, groups: changed, commit };
  }

  private named(g: IdentifiedGroup): StoredGroup {
    const head = this.store.entity(g.headIds[0]);
    return { ...g, name: head?.name ?? g.id };
  }
}
