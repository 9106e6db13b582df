import { deriveGroups } from '../../domain/control/derive-groups';
import type { Derivation } from '../../domain/control/types';
import { assignGroupIds, type GroupEvent } from '../../domain/groups';
import { compareIds } from '../../domain/groups/group-id';
import type { ControlGraph, IsoDate } from '../../domain/model';
import { headsPrimaryFirst } from '../group-diff';
import type { GroupView } from '../group-view';
import { hypotheticalGraph, type RelationshipChange } from './relationship-change';
import type { ExposureService } from './exposure.service';
import { groupExposureView } from './exposure-presenter';
import type { GroupExposureView } from './exposure-views';

export interface RelationshipWhatIfView {
  asOf: IsoDate;
  /** Entities at the ends of the edge added or ended. */
  touchedIds: string[];
  /** An after-group holds members of two or more groups of before. */
  merges: boolean;
  /** A group of before has members in two or more groups after. */
  splits: boolean;
  /** Lineage of the change, as the group engine would record it. */
  events: GroupEvent[];
  /** The groups touched or changed, as they are (exposure and checks on `asOf`). */
  before: GroupExposureView[];
  /** The same entities' groups after the change, with their exposure and checks. */
  after: GroupExposureView[];
}

/**
 * Acquisition what-if (DESIGN §5: "if this acquisition happens, which groups merge?"): the
 * component around the edge is copied from the in-memory graph, the edge added (valid from
 * `asOf`) or ended (no longer valid on `asOf`) in the copy, and both graphs derived under the
 * control policy in force on `asOf`. The graph store and the database are not touched.
 */
export async function simulateRelationship(
  service: ExposureService,
  change: RelationshipChange,
  asOf: IsoDate | null,
): Promise<RelationshipWhatIfView> {
  const date = service.dateOrToday(asOf);
  const store = service.app.groups.store;
  const { touchedIds, apply } = hypotheticalGraph(store, change, date);
  const graph: ControlGraph = store.subgraph(store.componentOf(touchedIds));
  const control = service.app.policies.policyOn(date).control;
  const beforeDerivation = deriveGroups(graph, date, control);
  const afterDerivation = deriveGroups(apply(graph), date, control);

  const before = service.locator.viewsOf(beforeDerivation, date);
  const { groups: identified, events } = assignGroupIds(before, afterDerivation.groups, {
    date,
    cause: 'what-if',
  });
  // Identity sorts heads; show them primary first, as everywhere else.
  const after: GroupView[] = identified.map((g) => ({
    ...g,
    headIds: headsPrimaryFirst(afterDerivation, afterDerivation.groupIndexOf.get(g.memberIds[0])!),
    asOf: date,
  }));

  const touched = new Set(touchedIds);
  const keysBefore = new Set(before.map(membersKey));
  const keysAfter = new Set(after.map(membersKey));
  const relevant = (g: GroupView, otherSide: Set<string>) =>
    !otherSide.has(membersKey(g)) || g.memberIds.some((m) => touched.has(m));
  const beforeShown = before.filter((g) => relevant(g, keysAfter));
  const afterShown = after.filter((g) => relevant(g, keysBefore));

  const members = new Set([...beforeShown, ...afterShown].flatMap((g) => g.memberIds));
  const books = service.measure(await service.repo.booksOfMembers([...members], date), date);
  // Largest first, as a committee reads them.
  const measure = (groups: GroupView[]) =>
    groups
      .map((g) => books.group(service.refOf(g)))
      .sort(
        (a, b) =>
          b.netExposure.comparedTo(a.netExposure) || compareIds(a.groupId ?? '', b.groupId ?? ''),
      )
      .map((g) => groupExposureView(g, service.nameOf));
  return {
    asOf: date,
    touchedIds,
    merges: spansSeveral(afterShown, beforeDerivation),
    splits: spansSeveral(beforeShown, afterDerivation),
    events,
    before: measure(beforeShown),
    after: measure(afterShown),
  };
}

function membersKey(g: { memberIds: readonly string[] }): string {
  return [...g.memberIds].sort().join('\u0000');
}

/** Some group in `groups` has members in two or more groups of `other`. */
function spansSeveral(groups: readonly GroupView[], other: Derivation): boolean {
  return groups.some((g) => new Set(g.memberIds.map((m) => other.groupIndexOf.get(m))).size > 1);
}
