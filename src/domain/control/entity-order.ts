/**
 * The entities of a columnar graph in id order: the numbers not `dead`, sorted by
 * their ids (UTF-16 code units, as `IdIndex` orders them). A store fills its numbers in id
 * order at load and appends later entities, so the numbers come as one long sorted run and
 * a short tail: the tail is sorted on its own and merged, never the whole million.
 */
import { int32 } from '../graph/typed-arena';
import type { IdColumn } from './id-column';

export function entityOrder(dead: Uint8Array, ids: IdColumn): Int32Array {
  const order = int32(dead.length - countOf(dead));
  let n = 0;
  for (let i = 0; i < dead.length; i++) if (dead[i] === 0) order[n++] = i;
  let run = 1;
  while (run < n && ids.compare(order[run - 1], order[run]) < 0) run++;
  if (run >= n) return order;
  const tail = Array.from(order.subarray(run)).sort((a, b) => ids.compare(a, b));
  const head = order.slice(0, run);
  // `head` is a copy, so writing `order` front to back never overtakes a value still to merge.
  for (let i = 0, j = 0, k = 0; k < n; k++) {
    if (j >= tail.length || (i < run && ids.compare(head[i], tail[j]) < 0)) order[k] = head[i++];
    else order[k] = tail[j++];
  }
  return order;
}

function countOf(flags: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < flags.length; i++) count += flags[i];
  return count;
}
