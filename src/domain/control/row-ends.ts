/**
 * Helpers for resolving the rows of one date to entity indices: a one-entry memory per end
 * in front of the id index, and the copy of the rows kept.
 */
import { IdIndex } from '../graph/id-index';

/** The rows whose `keep` flag is 1, in order. */
export function keptOnly<T>(rows: readonly T[], keep: Uint8Array, kept: number): T[] {
  const out = new Array<T>(kept);
  for (let r = 0, k = 0; r < rows.length; r++) if (keep[r] === 1) out[k++] = rows[r];
  return out;
}

/**
 * Looks ids up with a one-entry memory per end: consecutive rows often share an endpoint
 * (the rows of one company, of one holder), and comparing with the last id is far cheaper
 * than a hash probe into a million-entry table.
 */
export class EndResolver {
  private lastFrom = '';
  private lastTo = '';
  private lastFromIndex: number;
  private lastToIndex: number;

  constructor(private readonly index: IdIndex) {
    this.lastFromIndex = this.lastToIndex = index.indexOf('');
  }

  from(id: string): number {
    if (id !== this.lastFrom) {
      this.lastFrom = id;
      this.lastFromIndex = this.index.indexOf(id);
    }
    return this.lastFromIndex;
  }

  to(id: string): number {
    if (id !== this.lastTo) {
      this.lastTo = id;
      this.lastToIndex = this.index.indexOf(id);
    }
    return this.lastToIndex;
  }
}
