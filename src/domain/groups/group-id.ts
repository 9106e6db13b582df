/**
 * Readable group ids: `G-<primary head id>`, the primary head being the first of `headIds`
 * (the engine puts the head that reaches most members first), with `-2`, `-3` … when that id is taken. Relationship managers quote group
 * ids on the phone, so they name the head rather than being opaque counters; the suffix
 * keeps them unique when the head's own id already belongs to another (or an older) group.
 */
import { ValidationError } from '../errors';
import type { GroupShape, IdLookup } from './group-types';

export function newGroupId(shape: GroupShape, taken: IdLookup): string {
  const anchor = shape.headIds[0] ?? firstId(shape.memberIds);
  if (anchor === undefined) {
    throw ValidationError.of(['group identity: a group needs at least one member']);
  }
  const base = `G-${anchor}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Smallest id in code-unit order, so an unsorted input still gives the same anchor. */
export function firstId(ids: readonly string[]): string | undefined {
  let first: string | undefined;
  for (const id of ids) if (first === undefined || id < first) first = id;
  return first;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
