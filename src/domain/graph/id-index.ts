/**
 * Id index: external string ids mapped once to dense integers 0..n-1 so the whole-bank
 * pass can run on typed arrays. Ids are numbered in sorted (UTF-16 code unit) order, so
 * comparing two indices compares the ids: "smallest id" tie-breaks and sorted output
 * need no string comparison in the hot path.
 *
 * The lookup table is open addressing with linear probing (Knuth, TAOCP vol. 3, 6.4) in
 * one Int32Array of (hash, index) pairs at load ≤ 1/2, hashed by FNV-1a over the UTF-16
 * code units: for a million ids it builds several times faster than a Map and lives off
 * the JavaScript heap, so the garbage collector never walks it. Equal hashes are confirmed
 * by comparing the strings, so a collision only costs a probe.
 */
import { ValidationError } from '../errors';
import { int32 } from './typed-arena';

const EMPTY = -1;
/**
 * Read once: jest runs code in a vm context, where every read of a global such as `Math`
 * goes through an interceptor (~100 ns), and the hash reads it once per character.
 */
const imul = Math.imul;

export class IdIndex {
  private readonly mask: number;
  /** Slot s holds the hash at 2s and the id's index at 2s + 1 (EMPTY when free). */
  private readonly slots: Int32Array;

  private constructor(readonly ids: readonly string[]) {
    let capacity = 16;
    while (capacity < ids.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = int32(capacity * 2).fill(EMPTY);
    for (let i = 0; i < ids.length; i++) {
      const h = hashOf(ids[i]);
      let s = h & this.mask;
      for (; this.slots[2 * s + 1] !== EMPTY; s = (s + 1) & this.mask) {
        if (this.slots[2 * s] === h && ids[this.slots[2 * s + 1]] === ids[i]) {
          throw ValidationError.of([`id-index: duplicate id "${ids[i]}"`]);
        }
      }
      this.slots[2 * s] = h;
      this.slots[2 * s + 1] = i;
    }
  }

  /** Builds the index; duplicate ids are a caller error (ids are unique per source file). */
  static of(ids: Iterable<string>): IdIndex {
    const sorted = [...ids];
    // Callers often pass ids already in order (a component's subgraph is sorted): skip the sort.
    if (!isSorted(sorted)) sorted.sort();
    // Duplicates are found while hashing: the first of two equal ids in sorted order is named.
    return new IdIndex(sorted);
  }

  get size(): number {
    return this.ids.length;
  }

  /** The index of `id`, or -1 when unknown. */
  indexOf(id: string): number {
    const h = hashOf(id);
    const { slots, mask } = this;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const i = slots[2 * s + 1];
      if (i === EMPTY) return -1;
      if (slots[2 * s] === h && this.ids[i] === id) return i;
    }
  }

  idOf(index: number): string {
    return this.ids[index];
  }
}

/** FNV-1a (Fowler, Noll, Vo) with a final xor-shift, non-negative. */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  const length = id.length;
  for (let i = 0; i < length; i++) h = imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) & 0x7fffffff;
}

function isSorted(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1] > ids[i]) return false;
  return true;
}
