import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { deriveGroups } from '../domain/control/derive-groups';
import { CurrentGroups } from './current-groups';
import { membershipChanges, splitUnchanged } from './group-diff';
import {
  deriveInThread,
  type DerivedBank,
  type FullDerivation,
} from './derivation/full-derivation';
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
import { KeptFacts } from './incremental/kept-facts';
import { rederiveWrite, type WriteLimits, type WriteScope } from './incremental/write-rederivation';

/**
 * A write's re-derivation grows its scope until the groups around it hold still; past these
 * it re-derives the whole component instead, or in a bank of more than 100 000 entities the
 * whole bank through the full derivation (a bulk change is better served that way). A scope
 * is derived on the calling thread, so every request waits meanwhile; the whole bank is
 * derived in the worker, and only its result is applied on the calling thread. At a million
 * entities (40 kinship ties and their ends): a scope of 6 900 held the event loop 0.7-1.2 s
 * and one of 33 000 held it 5.0 s, while the whole-bank path took 5.3 s in all and held it
 * 1.4 s. Past 20 000 entities the worker's path is the better one for everyone else.
 */
export const WRITE_LIMITS: WriteLimits = {
  maxEntities: 20_000,
  maxRounds: 25,
  wholeBankAbove: 100_000,
};

export type { WriteScope } from './incremental/write-rederivation';

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
  private readonly current: CurrentGroups;
  private derivedOn = '';
  /** The facts each current group rests on, for writes that re-derive part of a group. */
  private readonly facts = new KeptFacts(
    () => this.graph,
    (id) => this.current.groupOf(id),
  );
  /** Entities the last write re-derived (its scope with context): for logs and the bench. */
  lastWriteDerived = 0;
  /** How the last write was re-derived: downstream of it, whole groups, its component, or the bank. */
  lastWritePath: 'downstream' | 'groups' | 'component' | 'bank' | '' = '';

  constructor(
    private graph: GraphStore,
    /** The control policy in force on a date (policies are dated). */
    private readonly policyOn: (date: string) => ControlPolicy,
    private readonly today: () => string,
    private readonly log: Logger,
    private readonly deriveAll: FullDerivation = deriveInThread,
    private readonly limits: WriteLimits = WRITE_LIMITS,
  ) {
    this.current = new CurrentGroups(graph);
  }

  static async start(
    em: EntityManager,
    policyOn: (date: string) => ControlPolicy,
    today: () => string,
    log: Logger,
    deriveAll: FullDerivation = deriveInThread,
    limits: WriteLimits = WRITE_LIMITS,
  ): Promise<GroupEngine> {
    const started = Date.now();
    const store = await loadGraphStore(em);
    const engine = new GroupEngine(store, policyOn, today, log, deriveAll, limits);
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
    this.current.rebind(fresh);
    try {
      const change = await em.transactional((tx) => this.rederiveAll(tx, cause));
      change.commit();
      return change;
    } catch (err) {
      this.graph = previous;
      this.current.rebind(previous);
      throw err;
    }
  }

  /** The current group id of an entity (every entity has one). */
  currentGroupId(entityId: string): string | undefined {
    return this.current.groupIdOf(entityId);
  }

  currentGroup(groupId: string): IdentifiedGroup | undefined {
    return this.current.group(groupId);
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
    const date = this.today();
    // Before start-up's first derivation the current groups are the persisted ones: this
    // thread reads them back while the worker derives.
    const [, next] = await Promise.all([
      this.derivedOn ? undefined : repo.forEachStoredGroup((g) => this.current.stage(g)),
      this.deriveAll(date, this.policyOn(date), this.graph),
    ]);
    return this.applyWholeBank(repo, next, date, cause);
  }

  private async applyWholeBank(
    repo: GroupRepository,
    bank: DerivedBank,
    date: string,
    cause: string,
  ): Promise<GroupChange> {
    // Most groups of a whole-bank pass come out as they were: only those that changed are
    // built, so identity, diff and SQL work on what changed only.
    const { prior, next } = this.current.changedAgainst(bank.groups);
    const change = await this.apply(repo, prior, next, date, cause);
    // Facts kept from before may rest on another date, policy or graph.
    return this.keeping(change, () => {
      this.facts.restart(bank.facts);
      this.current.foldLoneGroups();
    });
  }

  /**
   * Re-derives the groups a write can change after the store changed (see
   * write-rederivation), writing the new groups through `em` (the caller's transaction).
   * Call `commit()` on the result once that transaction has committed: only then does the
   * engine's current state move on.
   */
  async rederive(em: EntityManager, write: WriteScope, cause: string): Promise<GroupChange> {
    const date = this.today();
    const view = {
      store: this.store,
      groupNow: (id: string) => this.current.groupOf(id),
      facts: this.facts,
      today: this.derivedOn === date,
    };
    const policy = this.policyOn(date);
    const outcome = rederiveWrite(view, write, date, policy, this.limits);
    const repo = new GroupRepository(em);
    if (!outcome) {
      // Past the limits in a large bank: the whole bank, as a new day is (off this thread).
      this.lastWriteDerived = this.graph.entityCount;
      this.lastWritePath = 'bank';
      this.log.info({ cause }, 'write past the scope limits: whole bank re-derived');
      return this.applyWholeBank(repo, await this.deriveAll(date, policy, this.graph), date, cause);
    }
    this.lastWriteDerived = outcome.derived;
    this.lastWritePath = outcome.path;
    this.log.debug(
      { path: outcome.path, derived: outcome.derived, rounds: outcome.rounds },
      'write re-derived',
    );
    // A write's new groups may include some it left as they were: those need no identity
    // work, event or row (a whole-bank pass sets them aside in changedAgainst).
    const { prior, next } = splitUnchanged(outcome.prior, outcome.next);
    const change = await this.apply(repo, prior, next, date, cause);
    return this.keeping(change, outcome.keep);
  }

  /** The change, whose commit also keeps the facts its groups rest on. */
  private keeping(change: GroupChange, keep: () => void): GroupChange {
    return {
      ...change,
      commit: () => {
        change.commit();
        // A group this change formed rests on facts no derivation kept yet.
        for (const g of change.groups) this.facts.lose(g);
        keep();
      },
    };
  }

  /** Current groups `before` give way to `after` (none of them the same as before). */
  private async apply(
    repo: GroupRepository,
    before: IdentifiedGroup[],
    after: GroupShape[],
    date: string,
    cause: string,
  ): Promise<GroupChange> {
    const beforeIds = new Set(before.map((g) => g.id));
    // Ids held by groups outside the change: a view, never a copy of the bank's ids.
    const takenIds = { has: (id: string) => this.current.has(id) && !beforeIds.has(id) };
    const { groups: changed, events } = assignGroupIds(before, after, { date, cause, takenIds });

    const kept = new Set(changed.map((g) => g.id));
    const removed = before.filter((g) => !kept.has(g.id)).map((g) => g.id);
    await repo.saveChange(
      {
        removedGroupIds: removed,
        groups: changed.map((g) => this.named(g)),
        memberships: membershipChanges(before, changed),
        derivedOn: date,
      },
      events,
    );

    const commit = () => {
      this.current.replace(before, changed);
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
