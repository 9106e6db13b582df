/**
 * Entity ids by number, as a whole-bank pass reads them. The pass runs in a worker: a list
 * of a million id strings sent there is a million strings built again on its heap (about
 * 50 MB at the bench's million, held for the whole pass), and most of the pass never reads
 * an id. Packed, the ids travel as one string and its offsets, and an id is cut out of it
 * only when a message or an explanation names one.
 */
export interface IdColumn {
  readonly length: number;
  idOf(i: number): string;
  /** The ids of numbers a and b in code-unit order: negative, 0 or positive. */
  compare(a: number, b: number): number;
}

/** Every id in one string: id i is `text.slice(start[i], start[i + 1])`. */
export interface PackedIds {
  readonly text: string;
  readonly start: Int32Array;
}

export function packIds(ids: readonly string[]): PackedIds {
  const start = new Int32Array(ids.length + 1);
  for (let i = 0; i < ids.length; i++) start[i + 1] = start[i] + ids[i].length;
  return { text: ids.join(''), start };
}

export function unpackIds(packed: PackedIds): string[] {
  const column = packedIdColumn(packed);
  return Array.from({ length: column.length }, (_, i) => column.idOf(i));
}

export function packedIdColumn({ text, start }: PackedIds): IdColumn {
  return {
    length: start.length - 1,
    idOf: (i) => text.slice(start[i], start[i + 1]),
    compare(a, b) {
      const from = start[a];
      const other = start[b];
      const la = start[a + 1] - from;
      const lb = start[b + 1] - other;
      const common = la < lb ? la : lb;
      for (let k = 0; k < common; k++) {
        const d = text.charCodeAt(from + k) - text.charCodeAt(other + k);
        if (d !== 0) return d;
      }
      return la - lb;
    },
  };
}

/** A list of ids as a column (records, tests). */
export function idColumnOf(ids: readonly string[]): IdColumn {
  return {
    length: ids.length,
    idOf: (i) => ids[i],
    compare: (a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0),
  };
}
