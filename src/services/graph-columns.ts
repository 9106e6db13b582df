/**
 * Storage for the in-memory graph at bank scale: a million parties and millions of edges as
 * typed arrays and byte pools rather than objects, so the heap holds a few large buffers the
 * garbage collector never walks, and repeated strings (dates, percentages, sources) once.
 */

import type { CodeColumn } from '../domain/control/control-columns';

const imul = Math.imul;
const EMPTY = -1;

/** FNV-1a over the UTF-16 code units with a final xor-shift, non-negative. */
export function hashOf(key: string): number {
  let h = 0x811c9dc5;
  const length = key.length;
  for (let i = 0; i < length; i++) h = imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) & 0x7fffffff;
}

/**
 * Column storage lives on SharedArrayBuffers: a derivation worker reads the columns in place
 * instead of a copy of them (hundreds of MB at bank scale), and V8 does not count shared
 * memory as external, so filling the columns starts no full collection of the heap.
 */
export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * 4));
}

export function sharedUint8(length: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(length));
}

/** An integer column of 8, 16 or 32 bits (see CodeColumn). */
export type IntColumn = CodeColumn;

type IntBytes = 1 | 2 | 4;

export function sharedInts(bytes: IntBytes, length: number): IntColumn {
  const buffer = new SharedArrayBuffer(length * bytes);
  return bytes === 1
    ? new Int8Array(buffer)
    : bytes === 2
      ? new Int16Array(buffer)
      : new Int32Array(buffer);
}

/** The largest value a column of this width holds. */
export function maxOf(column: IntColumn): number {
  return column.BYTES_PER_ELEMENT === 1
    ? 0x7f
    : column.BYTES_PER_ELEMENT === 2
      ? 0x7fff
      : 0x7fffffff;
}

/** `a` in a column twice as wide (values kept). */
export function widened(a: IntColumn): IntColumn {
  const b = sharedInts((a.BYTES_PER_ELEMENT * 2) as IntBytes, a.length);
  b.set(a);
  return b;
}

/** `a` with room for `capacity` values, as wide as it is. */
export function grownInts(a: IntColumn, capacity: number): IntColumn {
  const b = sharedInts(a.BYTES_PER_ELEMENT as IntBytes, capacity);
  b.set(a);
  return b;
}

/** The first `length` values of `a` in exactly sized shared storage (a itself when it fits). */
export function trimmedInts(a: IntColumn, length: number): IntColumn {
  if (a.length === length) return a;
  const b = sharedInts(a.BYTES_PER_ELEMENT as IntBytes, length);
  b.set(a.subarray(0, length));
  return b;
}

/** A Buffer on shared memory. */
function sharedBytes(length: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(length));
}

/** The first `length` values of `a` in exactly sized shared storage (a itself when it fits). */
export function trimmedInt32(a: Int32Array, length: number): Int32Array {
  if (a.length === length) return a;
  const b = sharedInt32(length);
  b.set(a.subarray(0, length));
  return b;
}

export function trimmedUint8(a: Uint8Array, length: number): Uint8Array {
  if (a.length === length) return a;
  const b = sharedUint8(length);
  b.set(a.subarray(0, length));
  return b;
}

export function grownInt32(a: Int32Array, capacity: number, fill = 0): Int32Array {
  const b = sharedInt32(capacity);
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

export function grownUint8(a: Uint8Array, capacity: number): Uint8Array {
  const b = sharedUint8(capacity);
  b.set(a);
  return b;
}

/**
 * A capacity of at least `needed`, a quarter more than `capacity`: amortised appends, and a
 * write after a trimmed bulk load does not double a table of millions of rows.
 */
export function grown(capacity: number, needed: number): number {
  return Math.max(16, needed, capacity + (capacity >> 2));
}

/**
 * Open addressing with linear probing, (hash, row) pairs in one Int32Array at load ≤ 1/2.
 * Keys live with the caller (`keyAt`), so a slot costs 8 bytes, not a Map entry and a string.
 * Entries are never deleted: a key re-put points its slot at the new row.
 */
export class KeyIndex {
  private slots = new Int32Array(32).fill(EMPTY);
  private mask = 15;
  private count = 0;

  constructor(private readonly keyAt: (row: number) => string) {}

  /** The row of `key`, or -1. */
  find(key: string, h = hashOf(key)): number {
    const { slots, mask } = this;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const row = slots[2 * s + 1];
      if (row === EMPTY) return -1;
      if (slots[2 * s] === h && this.keyAt(row) === key) return row;
    }
  }

  /** Points `key` at `row`; returns the row it had, or -1 (one probe for find and put). */
  swap(key: string, row: number, h = hashOf(key)): number {
    const { slots, mask } = this;
    let s = h & mask;
    for (; slots[2 * s + 1] !== EMPTY; s = (s + 1) & mask) {
      if (slots[2 * s] === h && this.keyAt(slots[2 * s + 1]) === key) {
        const previous = slots[2 * s + 1];
        slots[2 * s + 1] = row;
        return previous;
      }
    }
    this.insertAt(s, h, row);
    return -1;
  }

  /** Points `key` at `row`, replacing the row it had. */
  put(key: string, row: number, h = hashOf(key)): void {
    const { slots, mask } = this;
    let s = h & mask;
    for (; slots[2 * s + 1] !== EMPTY; s = (s + 1) & mask) {
      if (slots[2 * s] === h && this.keyAt(slots[2 * s + 1]) === key) {
        slots[2 * s + 1] = row;
        return;
      }
    }
    this.insertAt(s, h, row);
  }

  /** Adds a key known to be new (bulk loads of unique ids: no comparison at all). */
  add(row: number, h: number): void {
    const { slots, mask } = this;
    let s = h & mask;
    while (slots[2 * s + 1] !== EMPTY) s = (s + 1) & mask;
    this.insertAt(s, h, row);
  }

  /** Sizes the table for `n` keys up front (a bulk load then never rehashes). */
  reserve(n: number): void {
    if (n * 2 > this.mask + 1) this.rehash(n);
  }

  private insertAt(s: number, h: number, row: number): void {
    this.slots[2 * s] = h;
    this.slots[2 * s + 1] = row;
    if (++this.count * 2 > this.mask + 1) this.rehash(this.count);
  }

  private rehash(n: number): void {
    let capacity = 32;
    while (capacity < n * 2 + 2) capacity *= 2;
    const old = this.slots;
    this.slots = new Int32Array(capacity * 2).fill(EMPTY);
    this.mask = capacity - 1;
    for (let s = 0; s < old.length; s += 2) {
      const row = old[s + 1];
      if (row === EMPTY) continue;
      let t = old[s] & this.mask;
      while (this.slots[2 * t + 1] !== EMPTY) t = (t + 1) & this.mask;
      this.slots[2 * t] = old[s];
      this.slots[2 * t + 1] = row;
    }
  }
}

/**
 * A value read once per distinct value (a bulk load's interned cell): its code in the
 * dictionary that numbered it first is kept on it, so repeats skip the lookup.
 */
export interface CodedText {
  readonly text: string;
  owner: unknown;
  code: number;
}

/** Each distinct string once, numbered in order of first sight. */
export class Dictionary {
  readonly values: string[];
  private readonly codes = new Map<string, number>();
  private lastValue: string | undefined;
  private lastCode = -1;

  constructor(values: string[] = []) {
    this.values = values;
    values.forEach((v, i) => this.codes.set(v, i));
  }

  code(value: string | CodedText): number {
    if (typeof value !== 'string') {
      if (value.owner !== this) {
        value.code = this.code(value.text);
        value.owner = this;
      }
      return value.code;
    }
    // Rows in a row often repeat a value (a source, a role): a string compare beats a hash.
    if (value === this.lastValue) return this.lastCode;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    this.lastValue = value;
    this.lastCode = code;
    return code;
  }
}

export interface PoolColumns {
  bytes: Uint8Array;
  used: number;
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * One string per row as UTF-8 in a shared byte buffer (null: start -1). Names and register
 * numbers are mostly distinct, so interning would not help; bytes instead of a string each
 * save the per-string header and, for mixed Chinese and Latin names, a third of the size.
 * A replaced value leaves its old bytes behind: writes are rare next to the bulk load.
 */
export class StringPool {
  private bytes: Buffer;
  private used = 0;
  private starts: Int32Array;
  private ends: Int32Array;

  constructor(rows = 0, columns?: PoolColumns) {
    if (columns) {
      this.bytes = Buffer.from(columns.bytes.buffer, columns.bytes.byteOffset, columns.used);
      this.used = columns.used;
      this.starts = columns.starts;
      this.ends = columns.ends;
    } else {
      this.bytes = sharedBytes(Math.max(64, rows * 16));
      this.starts = sharedInt32(rows).fill(EMPTY);
      this.ends = sharedInt32(rows);
    }
  }

  ensureRows(capacity: number): void {
    if (capacity > this.starts.length) {
      this.starts = grownInt32(this.starts, capacity, EMPTY);
      this.ends = grownInt32(this.ends, capacity);
    }
  }

  set(row: number, value: string | null): void {
    if (value === null) {
      this.starts[row] = EMPTY;
      return;
    }
    const worst = value.length * 3;
    if (this.used + worst > this.bytes.length) {
      const length = this.bytes.length;
      const next = sharedBytes(Math.max(length + (length >> 1), this.used + worst));
      this.bytes.copy(next, 0, 0, this.used);
      this.bytes = next;
    }
    this.starts[row] = this.used;
    this.used += this.bytes.write(value, this.used, 'utf8');
    this.ends[row] = this.used;
  }

  get(row: number): string | null {
    const start = this.starts[row];
    return start === EMPTY ? null : this.bytes.toString('utf8', start, this.ends[row]);
  }

  /** Gives back the room beyond `rows` rows and the bytes used (after a bulk load). */
  trim(rows: number): void {
    this.starts = trimmedInt32(this.starts, rows);
    this.ends = trimmedInt32(this.ends, rows);
    if (this.bytes.length === this.used) return;
    const bytes = sharedBytes(this.used);
    this.bytes.copy(bytes, 0, 0, this.used);
    this.bytes = bytes;
  }

  /** The first `rows` rows, in place (shared memory), for another thread. */
  columns(rows: number): PoolColumns {
    return {
      bytes: new Uint8Array(this.bytes.buffer, this.bytes.byteOffset, this.used),
      used: this.used,
      starts: this.starts.subarray(0, rows),
      ends: this.ends.subarray(0, rows),
    };
  }
}
