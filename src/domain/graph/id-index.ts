/**
 * Id index: external string ids mapped once to dense integers 0..n-1 so the whole-bank
 * pass can run on typed arrays. Ids are numbered in sorted (UTF-16 code unit) order, so
 * comparing two indices compares the ids: "smallest id" tie-breaks and sorted output
 * need no string comparison in the hot path.
 */
import { ValidationError } from '../errors';

export class IdIndex {
  private readonly byId: Map<string, number>;

  private constructor(readonly ids: readonly string[]) {
    this.byId = new Map();
    for (let i = 0; i < ids.length; i++) this.byId.set(ids[i], i);
  }

  /** Builds the index; duplicate ids are a caller error (ids are unique per source file). */
  static of(ids: Iterable<string>): IdIndex {
    const sorted = [...ids].sort();
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i] === sorted[i - 1]) {
        throw ValidationError.of([`id-index: duplicate id "${sorted[i]}"`]);
      }
    }
    return new IdIndex(sorted);
  }

  get size(): number {
    return this.ids.length;
  }

  /** The index of `id`, or -1 when unknown. */
  indexOf(id: string): number {
    return this.byId.get(id) ?? -1;
  }

  idOf(index: number): string {
    return this.ids[index];
  }
}
