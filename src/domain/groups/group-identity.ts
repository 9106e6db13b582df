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
  return assignKeepingSameMembers(prior, next, ctx) ?? assignGroupIdsInFull(prior, next, ctx);
}

/**
 * The common write inside a large group moves heads or facts only: a next group with the
 * very members of a prior group (both in id order) is that group's heir and sole carrier,
 * none of its members arrives or departs, so it keeps the id and says nothing. Such pairs
 * are set aside and the rest goes through the full pass, whose answer is then the same as
 * if the pairs had gone with it (their ids count as taken). Undefined when there is no such
 * pair, or when the input is not two clean partitions (the full pass then judges it whole).
 */
function assignKeepingSameMembers(
  prior: IdentifiedGroup[],
  next: GroupShape[],
  ctx: IdentityContext,
): { groups: IdentifiedGroup[]; events: GroupEvent[] } | undefined {
  const pairs = sameMemberPairs(prior, next);
  if (pairs.size === 0) return undefined;
  const keptPrior = new Set(pairs.values());
  const restPrior = prior.filter((_, p) => !keptPrior.has(p));
  const restNext = next.filter((_, n) => !pairs.has(n));
  if (!setApart(prior, pairs, restPrior, restNext)) return undefined;

  const keptIds = new Set<string>();
  for (const p of keptPrior) keptIds.add(prior[p].id);
  const taken: IdLookup = { has: (id) => keptIds.has(id) || (ctx.takenIds?.has(id) ?? false) };
  let rest: { groups: IdentifiedGroup[]; events: GroupEvent[] };
  try {
    rest = assignGroupIdsInFull(restPrior, restNext, { ...ctx, takenIds: taken });
  } catch {
    // Problems are told with each group's place in the whole input.
    return undefined;
  }
  let r = 0;
  const groups = next.map((g, n) => {
    const p = pairs.get(n);
    return p === undefined
      ? rest.groups[r++]
      : { id: prior[p].id, memberIds: [...g.memberIds], headIds: [...g.headIds] };
  });
  return { groups, events: rest.events };
}

/**
 * Next groups (by index) whose members are a prior group's (by index), in the same strict id
 * order (so normalizing changes nothing), the prior group's anchor among them: matched by
 * first member, compared in place, never indexed by entity.
 */
function sameMemberPairs(prior: IdentifiedGroup[], next: GroupShape[]): Map<number, number> {
  const byFirstMember = new Map<string, number>();
  prior.forEach((g, p) => {
    if (g.memberIds.length > 0) byFirstMember.set(g.memberIds[0], p);
  });
  const pairs = new Map<number, number>();
  next.forEach((g, n) => {
    const p = g.memberIds.length > 0 ? byFirstMember.get(g.memberIds[0]) : undefined;
    if (p === undefined) return;
    const same = prior[p];
    if (sameSortedMembers(same.memberIds, g.memberIds) && holdsAnchor(same)) {
      pairs.set(n, p);
      byFirstMember.delete(g.memberIds[0]);
    }
  });
  return pairs;
}

function sameSortedMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] || (i > 0 && !(a[i - 1] < a[i]))) return false;
  }
  return true;
}

function holdsAnchor(g: GroupShape): boolean {
  return g.headIds.length === 0 || g.memberIds.includes(g.headIds[0]);
}

/**
 * Whether the pairs stand apart from the rest as the full pass would see the whole: no entity
 * of a pair in another group on either side, no prior id twice, and every other prior
 * group's anchor among the rest's members (else it could name a pair's group as its heir).
 */
function setApart(
  prior: IdentifiedGroup[],
  pairs: Map<number, number>,
  restPrior: IdentifiedGroup[],
  restNext: GroupShape[],
): boolean {
  const restMembers = new Set<string>();
  for (const g of restPrior) for (const m of g.memberIds) restMembers.add(m);
  for (const g of restPrior) {
    if (g.headIds.length > 0 && !restMembers.has(g.headIds[0])) return false;
  }
  for (const g of restNext) for (const m of g.memberIds) restMembers.add(m);
  const ids = new Set(restPrior.map((g) => g.id));
  // A pair's members are checked against the other pairs' only when there are several.
  const pairMembers = pairs.size > 1 ? new Set<string>() : undefined;
  for (const p of pairs.values()) {
    const same = prior[p];
    if (ids.has(same.id)) return false;
    ids.add(same.id);
    for (const m of same.memberIds) {
      if (restMembers.has(m) || pairMembers?.has(m)) return false;
      pairMembers?.add(m);
    }
  }
  return true;
}

/**
 * `assignGroupIds` with no group set aside: every group normalized and indexed by entity.
 * What the shortcut must equal, exactly (tests compare the two).
 */
export function assignGroupIdsInFull(
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
