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

/**
 * Members whose group or head flag differ from before: the only membership rows to write.
 * A changed group holding its prior group's very members under the same id (a write that
 * moved heads only) can differ in head flags only, so its members are not indexed: in a
 * 10 000-member group that is most of a write's work. Ids are unique on each side, as
 * `assignGroupIds` makes them.
 */
export function membershipChanges(
  prior: IdentifiedGroup[],
  changed: IdentifiedGroup[],
): Membership[] {
  const priorById = new Map<string, IdentifiedGroup>();
  for (const g of prior) priorById.set(g.id, g);
  const sameMembers = changed.map((g) => {
    const p = priorById.get(g.id);
    return p !== undefined && sameList(p.memberIds, g.memberIds) ? p : undefined;
  });
  const matched = new Set(sameMembers);
  const before = new Map<string, string>();
  for (const g of prior) {
    if (matched.has(g)) continue;
    const heads = new Set(g.headIds);
    for (const m of g.memberIds) before.set(m, `${g.id}\u0000${heads.has(m)}`);
  }
  const rows: Membership[] = [];
  changed.forEach((g, i) => {
    const same = sameMembers[i];
    if (same !== undefined) {
      headFlagChanges(same, g, rows);
      return;
    }
    const heads = new Set(g.headIds);
    for (const m of g.memberIds) {
      const isHead = heads.has(m);
      if (before.get(m) !== `${g.id}\u0000${isHead}`)
        rows.push({ entityId: m, groupId: g.id, isHead });
    }
  });
  return rows;
}

/** Rows for the members of `g` whose head flag differs in `prior` (same members), in order. */
function headFlagChanges(prior: IdentifiedGroup, g: IdentifiedGroup, rows: Membership[]): void {
  const wasHead = new Set(prior.headIds);
  const isHead = new Set(g.headIds);
  const either = new Set([...wasHead, ...isHead]);
  for (const m of g.memberIds) {
    if (either.has(m) && wasHead.has(m) !== isHead.has(m))
      rows.push({ entityId: m, groupId: g.id, isHead: isHead.has(m) });
  }
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
  return a !== undefined && sameList(a.memberIds, b.memberIds) && sameList(a.headIds, b.headIds);
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
