import { headsByReach } from '../domain/control/explain';
import type { Derivation } from '../domain/control/types';
import type { GroupShape, IdentifiedGroup } from '../domain/groups';
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

/**
 * Next groups identical to a prior group (members in the same order, same heads), set apart
 * from the rest: they keep their ids and need no identity work, event or row.
 */
export function splitUnchanged(
  prior: readonly IdentifiedGroup[],
  next: readonly GroupShape[],
): { unchanged: IdentifiedGroup[]; prior: IdentifiedGroup[]; next: GroupShape[] } {
  const byFirstMember = new Map<string, IdentifiedGroup>();
  for (const g of prior) byFirstMember.set(g.memberIds[0], g);
  const unchanged: IdentifiedGroup[] = [];
  const restNext: GroupShape[] = [];
  for (const g of next) {
    const same = byFirstMember.get(g.memberIds[0]);
    if (same && sameGroup(same, g)) {
      unchanged.push(same);
      byFirstMember.delete(g.memberIds[0]);
    } else restNext.push(g);
  }
  const kept = new Set(unchanged);
  return { unchanged, prior: prior.filter((g) => !kept.has(g)), next: restNext };
}

export function sameGroup(a: GroupShape | undefined, b: GroupShape): boolean {
  return (
    a !== undefined &&
    a.memberIds.length === b.memberIds.length &&
    a.memberIds.every((m, i) => m === b.memberIds[i]) &&
    a.headIds.join('\u0000') === b.headIds.join('\u0000')
  );
}
