import { createHash } from 'node:crypto';
import type { IsoDate } from '../../domain/model';
import type { GroupRef } from './books-on-date';

type GroupShape = Pick<GroupRef, 'id' | 'headIds' | 'memberIds'>;

/**
 * Today's groups hand out the same member array to every request, so a big group's
 * membership is hashed once per shape, not once per request.
 */
const memberships = new WeakMap<readonly string[], string>();

function membershipOf(memberIds: readonly string[]): string {
  let membership = memberships.get(memberIds);
  if (membership === undefined) {
    const hash = createHash('sha1').update(memberIds.join('\u0000')).digest('base64');
    membership = `${memberIds.length}:${hash}`;
    memberships.set(memberIds, membership);
  }
  return membership;
}

/**
 * What a group's exposure view depends on besides the stored data: the date, the group's id
 * and heads (shown in the view) and its exact membership (the same id can name another shape
 * on another date). Its name is the primary head's, read from the graph, which only a write
 * changes, and every write empties the cache: the key need not hold it, so a cached view is
 * found without reading any name.
 */
export function groupExposureKey(group: GroupShape, asOf: IsoDate): string {
  return `G\u0001${asOf}\u0001${group.id ?? ''}\u0001${group.headIds.join(',')}\u0001${membershipOf(group.memberIds)}`;
}

export function clientExposureKey(entityId: string, asOf: IsoDate): string {
  return ['C', asOf, entityId].join('\u0001');
}
