import { headsByReach } from '../domain/control/explain';
import type { Derivation } from '../domain/control/types';
import type { GroupShape, IdentifiedGroup } from '../domain/groups';
import type { Membership, StoredGroupLists } from '../persistence/repositories/group.repository';

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

/**
 * `splitUnchanged` against the persisted groups as flat lists (a start-up): only the prior
 * groups that changed are built as objects. An unchanged group is the next group's lists
 * under the stored id: they hold the store's own id strings (a group of one shares one
 * list), so the state kept afterwards holds no copy of the ids read back from the database.
 */
export function splitUnchangedLists(
  prior: StoredGroupLists,
  next: readonly GroupShape[],
): { unchanged: IdentifiedGroup[]; prior: IdentifiedGroup[]; next: GroupShape[] } {
  const { groupIds, start, memberIds, isHead } = prior;
  const byFirstMember = firstMemberIndex(prior);
  const matched = new Uint8Array(groupIds.length);
  const unchanged: IdentifiedGroup[] = [];
  const restNext: GroupShape[] = [];
  for (const g of next) {
    const p = byFirstMember.get(g.memberIds[0]);
    if (p !== undefined && sameAsStored(prior, p, g)) {
      unchanged.push({ id: groupIds[p], memberIds: g.memberIds, headIds: g.headIds });
      matched[p] = 1;
    } else restNext.push(g);
  }
  const restPrior: IdentifiedGroup[] = [];
  for (let p = 0; p < groupIds.length; p++) {
    if (matched[p] === 1) continue;
    const members = memberIds.slice(start[p], start[p + 1]);
    const heads = members.filter((_, k) => isHead[start[p] + k] === 1);
    restPrior.push({ id: groupIds[p], memberIds: members, headIds: heads });
  }
  return { unchanged, prior: restPrior, next: restNext };
}

/** Stored lists with the index `splitUnchangedLists` reads, built ahead of it. */
export interface IndexedGroupLists extends StoredGroupLists {
  byFirstMember: Map<string, number>;
}

/**
 * The index of stored groups by their first member, built when the lists arrive: at start-up
 * they arrive while the derivation worker is still busy, and the index costs nothing then.
 */
export function indexGroupLists(lists: StoredGroupLists): IndexedGroupLists {
  const byFirstMember = new Map<string, number>();
  const { groupIds, start, memberIds } = lists;
  for (let g = 0; g < groupIds.length; g++) byFirstMember.set(memberIds[start[g]], g);
  return { ...lists, byFirstMember };
}

function firstMemberIndex(lists: StoredGroupLists | IndexedGroupLists): Map<string, number> {
  return 'byFirstMember' in lists ? lists.byFirstMember : indexGroupLists(lists).byFirstMember;
}

/** Stored group p has g's members in g's order and g's heads in g's order (stored: id order). */
function sameAsStored(prior: StoredGroupLists, p: number, g: GroupShape): boolean {
  const { start, memberIds, isHead } = prior;
  const from = start[p];
  if (start[p + 1] - from !== g.memberIds.length) return false;
  let heads = 0;
  for (let k = 0; k < g.memberIds.length; k++) {
    if (memberIds[from + k] !== g.memberIds[k]) return false;
    if (isHead[from + k] === 1 && g.headIds[heads++] !== memberIds[from + k]) return false;
  }
  return heads === g.headIds.length;
}
