import { createHash } from 'node:crypto';
import type { IsoDate } from '../../domain/model';
import type { GroupRef } from './books-on-date';

/**
 * Today's groups hand out the same member array to every request, so a big group's
 * membership is hashed once per shape, not once per request.
 */
const memberHashes = new WeakMap<readonly string[], string>();

function membershipOf(memberIds: readonly string[]): string {
  let hash = memberHashes.get(memberIds);
  if (hash === undefined) {
    hash = createHash('sha1').update(memberIds.join('\u0000')).digest('base64');
    memberHashes.set(memberIds, hash);
  }
  return `${memberIds.length}:${hash}`;
}

/**
 * What a group's exposure view depends on besides the stored data: the date, the group's
 * id, name and heads (shown in the view) and its exact membership (the same id can name
 * another shape on another date).
 */
export function groupExposureKey(group: GroupRef, asOf: IsoDate): string {
  return [
    'G',
    asOf,
    group.id ?? '',
    group.name,
    group.headIds.join(','),
    membershipOf(group.memberIds),
  ].join('\u0001');
}

export function clientExposureKey(entityId: string, asOf: IsoDate): string {
  return ['C', asOf, entityId].join('\u0001');
}
