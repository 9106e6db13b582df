/**
 * PostgreSQL's COPY text format (the `COPY … TO STDOUT` default) read straight from the bytes:
 * a row a line, cells split by tabs, `\N` for null, backslash escapes for the rest. Millions
 * of rows go faster this way than through the driver's per-row, per-type parsing.
 */

const TAB = 9;
const LF = 10;
const BACKSLASH = 92;
const HIGH = 0x80;
const EMPTY = -1;
/** Beyond this many distinct values a column is not worth interning: its cells come fresh. */
const INTERN_LIMIT = 1 << 16;
const imul = Math.imul;

/**
 * A repeating value, one object per distinct value of a column: `owner` and `code` are left
 * to the consumer, to remember what it made of the value the first time (a dictionary code).
 */
export interface InternedText {
  readonly text: string;
  owner: unknown;
  code: number;
}

export type CopyCell = string | InternedText | null;

/** A row's cells (interned columns as InternedText); the array is reused for the next row. */
export type CopyRowSink = (cells: CopyCell[]) => void;

/**
 * Cuts the chunks of one COPY into rows of `width` cells each. Chunks may end anywhere, mid
 * cell or mid character: an unfinished row waits for the next chunk.
 */
export class CopyTextRows {
  private readonly cells: CopyCell[];
  private readonly interners: (ByteInterner | null)[];
  private rest: Buffer | null = null;

  /**
   * `interned`: the columns whose values repeat (codes, dates): each distinct value becomes
   * one InternedText, found from the bytes, so a repeat costs neither a string nor a lookup
   * downstream. An escaped cell comes as a plain string.
   */
  constructor(
    private readonly width: number,
    private readonly onRow: CopyRowSink,
    interned: readonly number[] = [],
  ) {
    this.cells = new Array<CopyCell>(width).fill(null);
    this.interners = this.cells.map((_, i) => (interned.includes(i) ? new ByteInterner() : null));
  }

  push(chunk: Buffer): void {
    const buf = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    const done = this.rows(buf);
    // Copied: the driver may reuse the chunk's memory once this returns.
    this.rest = done < buf.length ? Buffer.from(buf.subarray(done)) : null;
  }

  /**
   * Emits the whole rows of `buf`; returns where the unfinished one starts. Kept apart from
   * `push`: optimised mid-loop, code after the loop with no type feedback deoptimised on
   * every chunk.
   */
  private rows(buf: Buffer): number {
    const { cells, width, onRow, interners } = this;
    const n = buf.length;
    let rowStart = 0;
    let cellStart = 0;
    let column = 0;
    let escaped = false;
    let high = false;
    for (let i = 0; i < n; i++) {
      const b = buf[i];
      if (b === TAB || b === LF) {
        if (column === width) throw new Error(`COPY row with more than ${width} cells`);
        const interner = interners[column];
        cells[column++] =
          interner !== null && !escaped
            ? interner.value(buf, cellStart, i, high)
            : cellOf(buf, cellStart, i, escaped, high);
        cellStart = i + 1;
        escaped = false;
        high = false;
        if (b === LF) {
          if (column !== width) throw new Error(`COPY row with ${column} cells, not ${width}`);
          onRow(cells);
          column = 0;
          rowStart = i + 1;
        }
      } else if (b === BACKSLASH) {
        escaped = true;
        i++; // the escaped byte is never a separator
      } else if (b >= HIGH) {
        high = true;
      }
    }
    return rowStart;
  }

  /** Throws when the data stopped mid-row. */
  end(): void {
    if (this.rest) throw new Error('COPY data ended mid-row');
  }
}

/** Node's own ASCII fast path, without toString's argument checks and encoding dispatch. */
const latin1Slice = (Buffer.prototype as unknown as { latin1Slice?: unknown }).latin1Slice as
  ((this: Buffer, start: number, end: number) => string) | undefined;

function plain(buf: Buffer, start: number, end: number, high: boolean): string {
  if (high) return buf.toString('utf8', start, end);
  return latin1Slice ? latin1Slice.call(buf, start, end) : buf.toString('latin1', start, end);
}

function cellOf(buf: Buffer, start: number, end: number, escaped: boolean, high: boolean) {
  if (!escaped) return plain(buf, start, end, high);
  if (end - start === 2 && buf[start + 1] === 78 /* N */) return null;
  return unescaped(buf, start, end);
}

const SIMPLE_ESCAPES: Record<number, number> = {
  98: 8, // \b
  102: 12, // \f
  110: 10, // \n
  114: 13, // \r
  116: 9, // \t
  118: 11, // \v
};

const isOctal = (b: number) => b >= 48 && b <= 55;
const hexValue = (b: number) =>
  b >= 48 && b <= 57 ? b - 48 : b >= 97 && b <= 102 ? b - 87 : b >= 65 && b <= 70 ? b - 55 : -1;

/** The bytes of a cell with escapes, decoded, then read as UTF-8. */
function unescaped(buf: Buffer, start: number, end: number): string {
  const out = Buffer.allocUnsafe(end - start);
  let o = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b !== BACKSLASH || i + 1 === end) {
      out[o++] = b;
      continue;
    }
    const next = buf[++i];
    if (isOctal(next)) {
      let value = next - 48;
      for (let k = 0; k < 2 && i + 1 < end && isOctal(buf[i + 1]); k++)
        value = value * 8 + buf[++i] - 48;
      out[o++] = value & 0xff;
    } else if (next === 120 /* x */ && i + 1 < end && hexValue(buf[i + 1]) >= 0) {
      let value = hexValue(buf[++i]);
      if (i + 1 < end && hexValue(buf[i + 1]) >= 0) value = value * 16 + hexValue(buf[++i]);
      out[o++] = value;
    } else {
      out[o++] = SIMPLE_ESCAPES[next] ?? next;
    }
  }
  return out.toString('utf8', 0, o);
}

/**
 * Distinct byte strings of one column → one JS string each: open addressing over FNV-1a of
 * the bytes, the bytes kept to compare against.
 */
class ByteInterner {
  private slots = new Int32Array(64).fill(EMPTY);
  private readonly hashes: number[] = [];
  private readonly values: InternedText[] = [];
  private readonly starts: number[] = [];
  private bytes = Buffer.allocUnsafe(1024);
  private used = 0;

  value(buf: Buffer, start: number, end: number, high: boolean): InternedText {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = imul(h ^ buf[i], 0x01000193);
    const { slots, hashes, starts, bytes } = this;
    const mask = slots.length - 1;
    let s = h & mask;
    for (let e = slots[s]; e !== EMPTY; s = (s + 1) & mask, e = slots[s]) {
      if (hashes[e] !== h) continue;
      const at = starts[e];
      if (starts[e + 1] - at !== end - start) continue;
      let k = 0;
      while (k < end - start && bytes[at + k] === buf[start + k]) k++;
      if (k === end - start) return this.values[e];
    }
    const value: InternedText = { text: plain(buf, start, end, high), owner: null, code: -1 };
    if (this.values.length < INTERN_LIMIT) this.add(s, h, value, buf, start, end);
    return value;
  }

  private add(
    slot: number,
    h: number,
    value: InternedText,
    buf: Buffer,
    start: number,
    end: number,
  ) {
    const e = this.values.length;
    if (this.starts.length === 0) this.starts.push(0);
    if (this.used + end - start > this.bytes.length) {
      const next = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + end - start));
      this.bytes.copy(next, 0, 0, this.used);
      this.bytes = next;
    }
    this.used += buf.copy(this.bytes, this.used, start, end);
    this.starts.push(this.used);
    this.hashes.push(h);
    this.values.push(value);
    this.slots[slot] = e;
    if (this.values.length * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    this.hashes.forEach((h, e) => {
      let s = h & mask;
      while (slots[s] !== EMPTY) s = (s + 1) & mask;
      slots[s] = e;
    });
    this.slots = slots;
  }
}
