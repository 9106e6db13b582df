/**
 * Lineage events of one re-derivation (DESIGN §3 "record merge/split events"; §5 "groups
 * that merged or split since a date"). Each entity movement is told from both sides: the
 * group it left (SPLIT into a new part, LEFT for elsewhere, DISSOLVED when nothing is left)
 * and the group it reached (CREATED, MERGED with an absorbed group, JOINED). Singletons are
 * not group customers, so a singleton that stays one says nothing.
 */
import { compareIds } from './group-id';
import type { GroupEvent, GroupEventType, IdentifiedGroup, IdentityContext } from './group-types';

export interface Lineage {
  before: IdentifiedGroup[];
  after: IdentifiedGroup[];
  priorOf: ReadonlyMap<string, number>;
  nextOf: ReadonlyMap<string, number>;
  /** Per prior group: the next group its identity passes to, or -1. */
  heirOf: readonly number[];
  /** Per next group: the prior group whose id it carries, or -1 for a fresh id. */
  carrierOf: readonly number[];
}

const ORDER: Record<GroupEventType, number> = {
  CREATED: 0,
  MERGED: 1,
  SPLIT: 2,
  JOINED: 3,
  LEFT: 4,
  DISSOLVED: 5,
};

export function deriveGroupEvents(lineage: Lineage, ctx: IdentityContext): GroupEvent[] {
  const events: GroupEvent[] = [];
  const emit = (type: GroupEventType, groupId: string, related: Set<string>, ids: string[]) => {
    const relatedGroupIds = [...related].sort(compareIds);
    events.push({
      type,
      groupId,
      relatedGroupIds,
      entityIds: ids,
      date: ctx.date,
      cause: ctx.cause,
    });
  };
  lineage.after.forEach((g, n) => {
    if (g.memberIds.length > 1) arrivals(lineage, n, emit);
  });
  lineage.before.forEach((g, p) => {
    if (g.memberIds.length > 1) departures(lineage, p, emit);
  });
  return events.sort((a, b) => compareIds(a.groupId, b.groupId) || ORDER[a.type] - ORDER[b.type]);
}

type Emit = (type: GroupEventType, groupId: string, related: Set<string>, ids: string[]) => void;

function arrivals(l: Lineage, n: number, emit: Emit): void {
  const group = l.after[n];
  const carrier = l.carrierOf[n];
  const sources = new Set<string>();
  if (carrier < 0) {
    for (const m of group.memberIds) {
      const p = l.priorOf.get(m);
      if (p !== undefined && isMulti(l.before[p])) sources.add(l.before[p].id);
    }
    emit('CREATED', group.id, sources, group.memberIds);
    return;
  }
  const absorbed = new Set<string>();
  const merged: string[] = [];
  const joined: string[] = [];
  for (const m of group.memberIds) {
    const p = l.priorOf.get(m);
    if (p === carrier) continue;
    if (p !== undefined && isMulti(l.before[p]) && l.heirOf[p] === n) {
      absorbed.add(l.before[p].id);
      merged.push(m);
    } else {
      joined.push(m);
      if (p !== undefined && isMulti(l.before[p])) sources.add(l.before[p].id);
    }
  }
  if (merged.length > 0) emit('MERGED', group.id, absorbed, merged);
  if (joined.length > 0) emit('JOINED', group.id, sources, joined);
}

function departures(l: Lineage, p: number, emit: Emit): void {
  const group = l.before[p];
  const heir = l.heirOf[p];
  if (heir < 0) {
    emit('DISSOLVED', group.id, new Set(), group.memberIds);
    return;
  }
  const parts = new Set<string>();
  const destinations = new Set<string>();
  const split: string[] = [];
  const left: string[] = [];
  for (const m of group.memberIds) {
    const n = l.nextOf.get(m);
    if (n === heir) continue;
    const target = n === undefined ? undefined : l.after[n];
    if (n !== undefined && target !== undefined && isMulti(target) && l.carrierOf[n] < 0) {
      parts.add(target.id);
      split.push(m);
    } else {
      left.push(m);
      if (target !== undefined && isMulti(target)) destinations.add(target.id);
    }
  }
  if (split.length > 0) emit('SPLIT', group.id, parts, split);
  if (left.length > 0) emit('LEFT', group.id, destinations, left);
}

function isMulti(g: IdentifiedGroup): boolean {
  return g.memberIds.length > 1;
}
