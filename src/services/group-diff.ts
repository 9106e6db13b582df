import { headsByReach } from '../domain/control/explain';
import type { Derivation } from '../domain/control/types';
import type { IdentifiedGroup } from '../domain/groups';
import type { Membership } from '../persistence/repositories/group.repository';

/**
 * Heads with the primary head (the one reaching most members) first: it names the group and
 * its id. Only several heads need the group's graph to decide.
 */
export function headsPrimaryFirst(derivation: Derivation, groupIndex: number): string[] {
  const heads = derivation.groups[groupIndex].headIds;
  return heads.length > 1 ? headsByReach(derivation, groupIndex) : heads;
}

/** Members whose group or head flag differ from before: the only membership rows to write. */
export function membershipChanges(
  prior: IdentifiedGroup[],
  changed: IdentifiedGroup[],
): Membership[] {
  const before = new Map<string, string>();
  for (const g of prior) {
    const heads = new Set(g.headIds);
    for (const m of g.memberIds) before.set(m, `${g.id}\u0000${heads.has(m)}`);
  }
  const rows: Membership[] = [];
  for (const g of changed) {
    const heads = new Set(g.headIds);
    for (const m of g.memberIds) {
      const isHead = heads.has(m);
      if (before.get(m) !== `${g.id}\u0000${isHead}`)
        rows.push({ entityId: m, groupId: g.id, isHead });
    }
  }
  return rows;
}

export function sameGroup(a: IdentifiedGroup | undefined, b: IdentifiedGroup): boolean {
  return (
    a !== undefined &&
    a.memberIds.length === b.memberIds.length &&
    a.memberIds.every((m, i) => m === b.memberIds[i]) &&
    a.headIds.join('\u0000') === b.headIds.join('\u0000')
  );
}
