/**
 * Group identity types: the shape the group engine derives (members sorted by id; heads
 * with the primary head first) and the identified group the bank keeps across recomputations, plus
 * the lineage events that let a committee see what merged or split and why.
 */

export interface GroupShape {
  memberIds: string[];
  headIds: string[];
}

export interface IdentifiedGroup extends GroupShape {
  id: string;
}

export const GROUP_EVENT_TYPES = [
  'CREATED',
  'MERGED',
  'SPLIT',
  'JOINED',
  'LEFT',
  'DISSOLVED',
] as const;
export type GroupEventType = (typeof GROUP_EVENT_TYPES)[number];

export interface GroupEvent {
  type: GroupEventType;
  groupId: string;
  relatedGroupIds: string[];
  entityIds: string[];
  date: string;
  cause: string | null;
}

export interface IdentityContext {
  date: string;
  cause: string | null;
  /** Ids in use outside the re-derived subset (and any the bank never reuses). */
  takenIds?: IdLookup;
}

/** Something that answers whether an id is in use (a Set, or a view over the engine's map). */
export interface IdLookup {
  has(id: string): boolean;
}
