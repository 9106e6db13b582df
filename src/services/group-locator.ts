import type { Derivation } from '../domain/control/types';
import { newGroupId } from '../domain/groups';
import type { IsoDate } from '../domain/model';
import type { AppServices } from './app-services';
import { headsPrimaryFirst } from './group-diff';
import type { GroupView } from './group-view';

/**
 * Finds the group customer of entities on a date. Today's groups come from the group engine
 * with their lasting ids; any other date is derived once for all the entities asked
 * together (their components only) and ids follow GroupQueryService's rule: the current id
 * of the primary head's group when it is still headed by them, else the id the shape would get.
 */
export class GroupLocator {
  constructor(private readonly app: AppServices) {}

  groupOf(entityId: string, asOf: IsoDate): GroupView {
    // Today's group of one entity is two lookups: no sets or maps for a batch of one.
    if (asOf === this.app.groups.currentDate) {
      const groupId = this.app.groups.currentGroupId(entityId);
      const group = groupId === undefined ? undefined : this.app.groups.currentGroup(groupId);
      return group === undefined ? alone(entityId, asOf) : { ...group, asOf };
    }
    return this.groupsOf([entityId], asOf).get(entityId)!;
  }

  /** The group of each entity on `asOf`; entities in one group share the same view. */
  groupsOf(entityIds: Iterable<string>, asOf: IsoDate): Map<string, GroupView> {
    const ids = [...new Set(entityIds)];
    const found = new Map<string, GroupView>();
    if (asOf === this.app.groups.currentDate) {
      const byGroup = new Map<string, GroupView>();
      for (const id of ids) {
        const groupId = this.app.groups.currentGroupId(id);
        const group = groupId === undefined ? undefined : this.app.groups.currentGroup(groupId);
        if (group === undefined) {
          found.set(id, alone(id, asOf));
          continue;
        }
        let view = byGroup.get(group.id);
        if (!view) byGroup.set(group.id, (view = { ...group, asOf }));
        found.set(id, view);
      }
      return found;
    }
    const known = ids.filter((id) => this.app.groups.store.hasEntity(id));
    const derivation = known.length > 0 ? this.app.groups.deriveAround(known, asOf) : null;
    const views = new Map<number, GroupView>();
    for (const id of ids) {
      const index = derivation?.groupIndexOf.get(id);
      if (derivation === null || index === undefined) {
        found.set(id, alone(id, asOf));
        continue;
      }
      let view = views.get(index);
      if (!view) views.set(index, (view = this.viewOf(derivation, index, asOf)));
      found.set(id, view);
    }
    return found;
  }

  /** Every group of a derivation, with ids unique among them. */
  viewsOf(derivation: Derivation, asOf: IsoDate): GroupView[] {
    const taken = new Set<string>();
    return derivation.groups.map((_, index) => {
      const view = this.viewOf(derivation, index, asOf, taken);
      taken.add(view.id);
      return view;
    });
  }

  private viewOf(
    derivation: Derivation,
    index: number,
    asOf: IsoDate,
    taken: ReadonlySet<string> = new Set(),
  ): GroupView {
    const shape = {
      memberIds: derivation.groups[index].memberIds,
      headIds: headsPrimaryFirst(derivation, index),
    };
    const primary = shape.headIds[0] ?? shape.memberIds[0];
    const current = this.app.groups.currentGroup(this.app.groups.currentGroupId(primary) ?? '');
    const id =
      current && current.headIds[0] === primary && !taken.has(current.id)
        ? current.id
        : newGroupId(shape, taken);
    return { id, asOf, memberIds: shape.memberIds, headIds: shape.headIds };
  }
}

/** An entity the graph does not know yet: a group of one. */
function alone(entityId: string, asOf: IsoDate): GroupView {
  return { id: `G-${entityId}`, asOf, memberIds: [entityId], headIds: [entityId] };
}
