/**
 * Stable group identity across recomputation (DESIGN §3: "groups have a stable id across
 * recomputation when their membership is unchanged or grows; carry the id of the largest
 * predecessor on merges; record merge/split events"; CBRC 集团客户授信 guideline: a group
 * customer is monitored as one client over time, so its identity must survive re-derivation).
 *
 * Identity belongs to multi-member groups; a singleton keeps its id only while it stays
 * the same singleton. Rules, applied to the re-derived subset only:
 * - the heir of a prior multi-member group is the next multi-member group that holds its
 *   primary head, else the one holding most of its members (a group whose head left);
 * - a next group that is heir to several prior groups carries the id of the largest
 *   (member count; tie → the id that sorts first), the others are merged into it;
 * - every other next group gets a fresh readable id from `newGroupId`.
 * Work is linear in the number of members: groups are indexed by entity, never compared
 * pairwise.
 */
import { ValidationError } from '../errors';
import { compareIds, newGroupId } from './group-id';
import { deriveGroupEvents, type Lineage } from './group-lineage';
import type {
  GroupEvent,
  GroupShape,
  IdentifiedGroup,
  IdentityContext,
  IdLookup,
} from './group-types';

export function assignGroupIds(
  prior: IdentifiedGroup[],
  next: GroupShape[],
  ctx: IdentityContext,
): { groups: IdentifiedGroup[]; events: GroupEvent[] } {
  const before = prior.map((g) => ({ id: g.id, ...normalized(g) }));
  assertUniqueIds(before);
  const after = next.map(normalized);
  const priorOf = indexByEntity(before, 'prior');
  const nextOf = indexByEntity(after, 'next');

  const heirOf = before.map((g) => (g.memberIds.length > 1 ? heirIndex(g, after, nextOf) : -1));
  const carrierOf = after.map(() => -1);
  heirOf.forEach((n, p) => {
    if (n >= 0 && (carrierOf[n] < 0 || outranks(before[p], before[carrierOf[n]]))) {
      carrierOf[n] = p;
    }
  });

  const ids: (string | undefined)[] = after.map((g, n) => {
    if (carrierOf[n] >= 0) return before[carrierOf[n]].id;
    return g.memberIds.length === 1
      ? unchangedSingletonId(g.memberIds[0], before, priorOf)
      : undefined;
  });
  // Ids assigned here, looked up together with the caller's (which may be the whole bank's,
  // so they are only queried, never copied).
  const assigned = new Set<string>();
  for (const id of ids) if (id !== undefined) assigned.add(id);
  const taken: IdLookup = { has: (id) => assigned.has(id) || (ctx.takenIds?.has(id) ?? false) };
  // Fresh ids in a fixed order so a suffix never depends on the caller's array order.
  const fresh = after.map((_, n) => n).filter((n) => ids[n] === undefined);
  fresh.sort((a, b) => compareIds(anchorOf(after[a]), anchorOf(after[b])));
  for (const n of fresh) {
    const id = newGroupId(after[n], taken);
    assigned.add(id);
    ids[n] = id;
  }

  const groups = after.map((g, n) => ({ id: ids[n] as string, ...g }));
  const lineage: Lineage = { before, after: groups, priorOf, nextOf, heirOf, carrierOf };
  return { groups, events: deriveGroupEvents(lineage, ctx) };
}

/** Members sorted; heads keep their order, the primary head first. */
function normalized(g: GroupShape): GroupShape {
  return { memberIds: [...g.memberIds].sort(compareIds), headIds: [...g.headIds] };
}

function anchorOf(g: GroupShape): string {
  return g.headIds[0] ?? g.memberIds[0] ?? '';
}

function indexByEntity(groups: GroupShape[], side: string): Map<string, number> {
  const index = new Map<string, number>();
  const problems: string[] = [];
  groups.forEach((g, i) => {
    if (g.memberIds.length === 0) problems.push(`group identity: ${side} group #${i} is empty`);
    for (const m of g.memberIds) {
      if (index.has(m)) problems.push(`group identity: entity "${m}" is in two ${side} groups`);
      index.set(m, i);
    }
  });
  if (problems.length > 0) throw ValidationError.of(problems.slice(0, 20));
  return index;
}

function assertUniqueIds(groups: IdentifiedGroup[]): void {
  const seen = new Set<string>();
  for (const g of groups) {
    if (seen.has(g.id)) throw ValidationError.of([`group identity: prior id "${g.id}" repeats`]);
    seen.add(g.id);
  }
}

/** Where a prior multi-member group's identity goes; -1 when all its members are now alone. */
function heirIndex(g: GroupShape, after: GroupShape[], nextOf: Map<string, number>): number {
  const headPart = nextOf.get(anchorOf(g));
  if (headPart !== undefined && after[headPart].memberIds.length > 1) return headPart;
  const overlap = new Map<number, number>();
  for (const m of g.memberIds) {
    const n = nextOf.get(m);
    if (n !== undefined && after[n].memberIds.length > 1) overlap.set(n, (overlap.get(n) ?? 0) + 1);
  }
  let best = -1;
  for (const [n, count] of overlap) {
    if (best < 0 || largerPart(count, after[n], overlap.get(best) as number, after[best])) best = n;
  }
  return best;
}

function largerPart(count: number, part: GroupShape, bestCount: number, best: GroupShape): boolean {
  if (count !== bestCount) return count > bestCount;
  if (part.memberIds.length !== best.memberIds.length) {
    return part.memberIds.length > best.memberIds.length;
  }
  return compareIds(part.memberIds[0], best.memberIds[0]) < 0;
}

/** Largest predecessor wins a merge; equal sizes go to the id that sorts first. */
function outranks(a: IdentifiedGroup, b: IdentifiedGroup): boolean {
  if (a.memberIds.length !== b.memberIds.length) return a.memberIds.length > b.memberIds.length;
  return compareIds(a.id, b.id) < 0;
}

function unchangedSingletonId(
  entityId: string,
  before: IdentifiedGroup[],
  priorOf: Map<string, number>,
): string | undefined {
  const p = priorOf.get(entityId);
  return p !== undefined && before[p].memberIds.length === 1 ? before[p].id : undefined;
}
