/**
 * Id index: external string ids mapped once to dense integers 0..n-1 so the whole-bank
 * pass can run on typed arrays. Ids are numbered in sorted (UTF-16 code unit) order, so
 * comparing two indices compares the ids: "smallest id" tie-breaks and sorted output
 * need no string comparison in the hot path.
 *
 * The lookup table is open addressing with linear probing (Knuth, TAOCP vol. 3, 6.4) at
 * load ≤ 1/2, hashed by FNV-1a over the UTF-16 code units. Each slot holds the hash, the id
 * and its index side by side in one array, so a hit reads one slot and the id: with the
 * ids in a separate list a lookup waited on one more cache miss, and at a million ids the
 * misses are most of the cost of resolving the rows (measured: ~10 % less time per lookup,
 * for a slightly dearer build). Equal hashes are confirmed by comparing the strings, so a
 * collision only costs a probe. The table is one array of 3 × 2^k small integers and
 * string references, which a major collection marks in a few milliseconds.
 */
import { ValidationError } from '../errors';

const EMPTY = -1;
/**
 * Read once: jest runs code in a vm context, where every read of a global such as `Math`
 * goes through an interceptor (~100 ns), and the hash reads it once per character.
 */
const imul = Math.imul;

export class IdIndex {
  private mask = 0;
  /** Slot s holds the hash at 3s, the id at 3s + 1 and its index at 3s + 2 (EMPTY when free). */
  private slots: (number | string)[] | null = null;

  private constructor(readonly ids: readonly string[]) {}

  /** Hashes every id once: at construction, or at the first lookup for `ofSortedUnique`. */
  private build(): (number | string)[] {
    const ids = this.ids;
    let capacity = 16;
    while (capacity < ids.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    const slots = new Array<number | string>(capacity * 3).fill(EMPTY);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const h = hashOf(id);
      let s = h & this.mask;
      for (; slots[3 * s + 2] !== EMPTY; s = (s + 1) & this.mask) {
        if (slots[3 * s] === h && slots[3 * s + 1] === id) {
          throw ValidationError.of([`id-index: duplicate id "${id}"`]);
        }
      }
      slots[3 * s] = h;
      slots[3 * s + 1] = id;
      slots[3 * s + 2] = i;
    }
    return (this.slots = slots);
  }

  /** Builds the index; duplicate ids are a caller error (ids are unique per source file). */
  static of(ids: Iterable<string>): IdIndex {
    const sorted = [...ids];
    // Callers often pass ids already in order (a component's subgraph is sorted): skip the sort.
    if (!isSorted(sorted)) sorted.sort();
    // Duplicates are found while hashing: the first of two equal ids in sorted order is named.
    const index = new IdIndex(sorted);
    index.build();
    return index;
  }

  /**
   * Ids the caller has sorted and knows to be distinct: the table is built at the first
   * lookup, so a pass that only turns indices back into ids never hashes a million ids.
   */
  static ofSortedUnique(ids: readonly string[]): IdIndex {
    return new IdIndex(ids);
  }

  get size(): number {
    return this.ids.length;
  }

  /** The index of `id`, or -1 when unknown. */
  indexOf(id: string): number {
    const h = hashOf(id);
    const slots = this.slots ?? this.build();
    const mask = this.mask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const i = slots[3 * s + 2] as number;
      if (i === EMPTY) return -1;
      if (slots[3 * s] === h && slots[3 * s + 1] === id) return i;
    }
  }

  idOf(index: number): string {
    return this.ids[index];
  }
}

/** FNV-1a (Fowler, Noll, Vo) with a final xor-shift, in 30 bits: a small integer to V8. */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  const length = id.length;
  for (let i = 0; i < length; i++) h = imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) & 0x3fffffff;
}

function isSorted(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1] > ids[i]) return false;
  return true;
}
