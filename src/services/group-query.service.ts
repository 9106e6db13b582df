import type { EntityManager } from '@mikro-orm/postgresql';
import { chartGexf, groupChart, type GroupChart } from '../domain/chart';
import { explainMembership } from '../domain/control/explain';
import type { ControlFact, ControlStep, Derivation } from '../domain/control/types';
import { NotFoundError, ValidationError } from '../domain/errors';
import { ultimateOwners, type IntegratedStake } from '../domain/ownership';
import {
  GroupReadRepository,
  type GroupEventRow,
  type GroupListArgs,
  type GroupPage,
} from '../persistence/repositories/group-read.repository';
import type { AppServices } from './app-services';
import { GroupLocator } from './group-locator';
import type { GroupView } from './group-view';

/**
 * Answers "which group, who heads it, why" for one request. Today's groups come from the
 * engine's current state (persisted, with lasting ids); any other date is derived on demand
 * from the dated edges around the entity. Derivations are memoised for the request.
 */
export class GroupQueryService {
  private readonly derivations = new Map<string, Derivation>();
  private readonly charts = new Map<string, GroupChart>();
  private readonly locator: GroupLocator;
  private groupRows?: GroupReadRepository;

  /** `em` is asked for only when a query needs PostgreSQL (group lists and events). */
  constructor(
    private readonly app: AppServices,
    private readonly em: () => EntityManager,
  ) {
    this.locator = new GroupLocator(app);
  }

  private get repo(): GroupReadRepository {
    return (this.groupRows ??= new GroupReadRepository(this.em()));
  }

  resolveDate(asOf: string | null | undefined): string {
    return asOf ?? this.app.today();
  }

  groupOf(entityId: string, asOf?: string | null): GroupView {
    this.assertKnown(entityId);
    return this.locator.groupOf(entityId, this.resolveDate(asOf));
  }

  group(id: string, asOf?: string | null): GroupView | null {
    const current = this.app.groups.currentGroup(id);
    if (!current) return null;
    return this.groupOf(current.headIds[0], asOf);
  }

  controlFacts(group: GroupView): ControlFact[] {
    const members = new Set(group.memberIds);
    return this.derivationAround(group.memberIds[0], group.asOf).facts.filter(
      (f) => members.has(f.controllerId) || members.has(f.controlledId),
    );
  }

  explain(group: GroupView, entityId: string): ControlStep[] {
    if (!group.memberIds.includes(entityId)) {
      throw ValidationError.of([
        `"${entityId}" is not a member of group ${group.id} on ${group.asOf}; ask groupOf("${entityId}") for its group.`,
      ]);
    }
    return explainMembership(this.derivationAround(entityId, group.asOf), entityId);
  }

  /** The group's structure chart, from the derivation in memory: no SQL, whatever its size. */
  structure(group: GroupView): GroupChart {
    // Keyed by a member: on one date an entity is in one group, whatever id the view got.
    const key = `${group.asOf}|${group.memberIds[0]}`;
    let chart = this.charts.get(key);
    if (!chart) {
      const store = this.app.groups.store;
      chart = groupChart({
        groupId: group.id,
        asOf: group.asOf,
        memberIds: group.memberIds,
        headIds: group.headIds,
        facts: this.controlFacts(group),
        partyOf: (id) => store.entity(id),
      });
      this.charts.set(key, chart);
    }
    return chart;
  }

  structureGexf(group: GroupView): string {
    return chartGexf(this.structure(group));
  }

  /** Control facts in which `entityId` is the controlled (`controllers`) or the controller. */
  controlFactsOf(entityId: string, side: 'controllers' | 'controlled', asOf?: string | null) {
    this.assertKnown(entityId);
    const facts = this.derivationAround(entityId, this.resolveDate(asOf)).facts;
    return facts.filter(
      (f) =>
        f.directed &&
        (side === 'controllers' ? f.controlledId === entityId : f.controllerId === entityId),
    );
  }

  ultimateOwners(
    entityId: string,
    asOf: string | null | undefined,
    minPercent: string,
  ): IntegratedStake[] {
    this.assertKnown(entityId);
    const store = this.app.groups.store;
    const graph = store.subgraph(store.componentOf([entityId]));
    return ultimateOwners(
      graph.entities,
      graph.shareholdings,
      entityId,
      this.resolveDate(asOf),
      minPercent,
    );
  }

  listGroups(args: GroupListArgs): Promise<GroupPage> {
    return this.repo.list(args);
  }

  events(groupId: string | null, since: string | null): Promise<GroupEventRow[]> {
    return this.repo.events(groupId, since);
  }

  private derivationAround(entityId: string, date: string): Derivation {
    const key = `${date}|${entityId}`;
    let derivation = this.derivations.get(key);
    if (!derivation) {
      derivation = this.app.groups.deriveAround([entityId], date);
      for (const member of derivation.groupIndexOf.keys())
        this.derivations.set(`${date}|${member}`, derivation);
    }
    return derivation;
  }

  private assertKnown(entityId: string): void {
    if (!this.app.groups.store.hasEntity(entityId)) throw NotFoundError.entity('entity', entityId);
  }
}
