import { ValidationError } from '../domain/errors';

/** No unbounded lists: every page is at most this long. */
export const MAX_PAGE_SIZE = 500;

export function checkedPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw ValidationError.of([`"first" must be between 1 and ${MAX_PAGE_SIZE}, got ${first}.`]);
  }
  return first;
}

/** Opaque cursors over an id: base64url of `id:<id>`. */
export function encodeCursor(id: string): string {
  return Buffer.from(`id:${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('id:')) throw ValidationError.of([`"${cursor}" is not a valid cursor.`]);
  return text.slice(3);
}

/**
 * A page of a sorted id list after a cursor. Only the end cursor is encoded: an edge's own
 * cursor is `encodeCursor(id)`, made if the query asks for it.
 */
export function pageOfIds(sortedIds: readonly string[], first: number, after: string | null) {
  let start = 0;
  if (after !== null) {
    const afterId = decodeCursor(after);
    let end = sortedIds.length;
    while (start < end) {
      const mid = (start + end) >>> 1;
      if (sortedIds[mid] <= afterId) start = mid + 1;
      else end = mid;
    }
  }
  const ids = sortedIds.slice(start, start + first);
  const endCursor = ids.length > 0 ? encodeCursor(ids[ids.length - 1]) : null;
  return { ids, endCursor, hasNextPage: start + first < sortedIds.length };
}
