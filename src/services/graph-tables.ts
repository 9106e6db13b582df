import {
  Dictionary,
  type CodedText,
  grown,
  grownInts,
  grownUint8,
  type IntColumn,
  maxOf,
  sharedInts,
  sharedUint8,
  trimmedInts,
  trimmedUint8,
  StringPool,
  type PoolColumns,
  widened,
} from './graph-columns';

/**
 * How each field of a record is kept: `self` is an entity's own id (its row number), `key` an
 * edge's id, `end` another entity (as its number), `code` a string from a small set (numbered
 * once), `date` a date (numbered in one list shared by every table), `text` a string of its own.
 */
type FieldKind = 'self' | 'key' | 'end' | 'code' | 'date' | 'text' | 'int' | 'bool';
export interface Field {
  readonly name: string;
  readonly kind: FieldKind;
}

const f = (name: string, kind: FieldKind): Field => ({ name, kind });
const VALIDITY = [f('validFrom', 'date'), f('validTo', 'date')];

/**
 * Field order is the order of the columns the loader selects (snapshot.repository) and of the
 * records' keys; an edge's `end` fields in order are its endpoints (see `endpoints`).
 */
export const TABLE_FIELDS = {
  entities: [
    f('id', 'self'),
    f('kind', 'code'),
    f('name', 'text'),
    f('ownership', 'code'),
    f('country', 'code'),
    f('uscc', 'text'),
    f('lei', 'text'),
    f('industry', 'code'),
    f('boardSeats', 'int'),
    f('customer', 'bool'),
    f('portfolio', 'code'),
  ],
  shareholdings: [
    f('id', 'key'),
    f('holderId', 'end'),
    f('companyId', 'end'),
    f('votingPct', 'code'),
    f('equityPct', 'code'),
    ...VALIDITY,
    f('source', 'code'),
  ],
  roles: [
    f('id', 'key'),
    f('holderId', 'end'),
    f('companyId', 'end'),
    f('role', 'code'),
    f('appointedById', 'end'),
    ...VALIDITY,
    f('source', 'code'),
  ],
  familyTies: [
    f('id', 'key'),
    f('personAId', 'end'),
    f('personBId', 'end'),
    f('relation', 'code'),
    ...VALIDITY,
    f('source', 'code'),
  ],
  links: [
    f('id', 'key'),
    f('fromId', 'end'),
    f('toId', 'end'),
    f('type', 'code'),
    ...VALIDITY,
    f('source', 'code'),
    f('reason', 'code'),
  ],
  guarantees: [
    f('id', 'key'),
    f('guarantorId', 'end'),
    f('borrowerId', 'end'),
    f('amount', 'code'),
    f('currency', 'code'),
    ...VALIDITY,
  ],
  designations: [
    f('id', 'key'),
    f('kind', 'code'),
    f('entityId', 'end'),
    f('targetId', 'end'),
    f('reason', 'code'),
    f('approvedBy', 'code'),
    ...VALIDITY,
  ],
} as const satisfies Record<string, readonly Field[]>;
export type TableName = keyof typeof TABLE_FIELDS;

const NULL = -1;
const NULL_INT = -2147483648;

/**
 * Bytes per value a column starts with: ends and integers take 32 bits; codes and flags 8
 * and dates 16 until their dictionary outgrows them (then the column is widened, see write).
 */
const START_BYTES = { end: 4, int: 4, code: 1, bool: 1, date: 2 } as const;

/** Entity ids ↔ numbers, shared by every table of one graph. */
export interface EntityNumbers {
  numberOf(id: string): number;
  idOf(index: number): string;
}

/** A table's columns as plain data, for another thread. */
export interface TableColumns {
  length: number;
  ints: (IntColumn | null)[];
  pools: (PoolColumns | null)[];
  codes: (string[] | null)[];
  dead: Uint8Array;
}

/**
 * The rows of one record kind as columns: a row is written once from a record (or a database
 * row) and read back as a fresh record. Removed rows stay, marked dead.
 */
export class RowTable {
  length = 0;
  dead: Uint8Array;
  readonly ints: (IntColumn | null)[];
  readonly pools: (StringPool | null)[];
  readonly codes: (Dictionary | null)[];
  /** Indices of the `end` fields: the row's endpoints. */
  readonly ends: number[];
  /**
   * The last id each field resolved and its number: consecutive rows often share an end (the
   * rows of one company), and comparing with the last id is cheaper than hashing it.
   */
  private readonly lastEnd: (string | null)[];
  private readonly lastEndNumber: number[];

  constructor(
    readonly fields: readonly Field[],
    private readonly entities: EntityNumbers,
    dates: Dictionary,
    columns?: TableColumns,
  ) {
    const capacity = columns ? columns.length : 16;
    this.length = columns?.length ?? 0;
    this.dead = columns?.dead ?? sharedUint8(capacity);
    this.ints = fields.map((field, i) =>
      field.kind === 'key' || field.kind === 'text' || field.kind === 'self'
        ? null
        : (columns?.ints[i] ?? sharedInts(START_BYTES[field.kind], capacity)),
    );
    this.pools = fields.map((field, i) =>
      field.kind === 'key' || field.kind === 'text'
        ? new StringPool(capacity, columns?.pools[i] ?? undefined)
        : null,
    );
    this.codes = fields.map((field, i) =>
      field.kind === 'date'
        ? dates
        : field.kind === 'code'
          ? new Dictionary(columns?.codes[i] ?? [])
          : null,
    );
    this.ends = fields.flatMap((field, i) => (field.kind === 'end' ? [i] : []));
    this.lastEnd = fields.map(() => null);
    this.lastEndNumber = fields.map(() => -1);
  }

  get capacity(): number {
    return this.dead.length;
  }

  /** Makes room for rows up to `rows` (exclusive). */
  ensure(rows: number): void {
    if (rows <= this.capacity) return;
    const capacity = grown(this.capacity, rows);
    this.dead = grownUint8(this.dead, capacity);
    for (let i = 0; i < this.fields.length; i++) {
      const ints = this.ints[i];
      if (ints) this.ints[i] = grownInts(ints, capacity);
      this.pools[i]?.ensureRows(capacity);
    }
  }

  /** Gives back the room beyond the rows there are (after a bulk load). */
  trim(): void {
    const n = this.length;
    this.dead = trimmedUint8(this.dead, n);
    for (let i = 0; i < this.fields.length; i++) {
      const ints = this.ints[i];
      if (ints) this.ints[i] = trimmedInts(ints, n);
      this.pools[i]?.trim(n);
    }
  }

  /** Writes row `row` from a record (by field name) or a database row (by position). */
  write(row: number, source: Readonly<Record<string, unknown>> | readonly unknown[]): void {
    const byName = !Array.isArray(source);
    const fields = this.fields;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      const value = byName
        ? (source as Record<string, unknown>)[field.name]
        : (source as unknown[])[i];
      switch (field.kind) {
        case 'self':
          break;
        case 'key':
        case 'text':
          this.pools[i]!.set(row, (value as string | null | undefined) ?? null);
          break;
        case 'end':
          this.ints[i]![row] = value == null ? NULL : this.endNumber(i, value as string);
          break;
        case 'code':
        case 'date': {
          const code = value == null ? NULL : this.codes[i]!.code(value as string | CodedText);
          if (code > maxOf(this.ints[i]!)) this.ints[i] = widened(this.ints[i]!);
          this.ints[i]![row] = code;
          break;
        }
        case 'int':
          this.ints[i]![row] = value == null ? NULL_INT : (value as number);
          break;
        case 'bool':
          this.ints[i]![row] = value ? 1 : 0;
          break;
      }
    }
    this.dead[row] = 0;
  }

  /** An entity's number never changes, so a field's last id always has the same one. */
  private endNumber(i: number, id: string): number {
    if (this.lastEnd[i] === id) return this.lastEndNumber[i];
    const number = this.entities.numberOf(id);
    this.lastEnd[i] = id;
    this.lastEndNumber[i] = number;
    return number;
  }

  /** Appends a row; returns its number. */
  append(source: Readonly<Record<string, unknown>> | readonly unknown[]): number {
    const row = this.length;
    this.ensure(row + 1);
    this.write(row, source);
    this.length = row + 1;
    return row;
  }

  /** The row as a fresh record, keys in field order. */
  record(row: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const fields = this.fields;
    for (let i = 0; i < fields.length; i++) out[fields[i].name] = this.value(row, i);
    return out;
  }

  value(row: number, i: number): unknown {
    switch (this.fields[i].kind) {
      case 'self':
        return this.entities.idOf(row);
      case 'key':
      case 'text':
        return this.pools[i]!.get(row);
      case 'end': {
        const v = this.ints[i]![row];
        return v === NULL ? null : this.entities.idOf(v);
      }
      case 'code':
      case 'date': {
        const v = this.ints[i]![row];
        return v === NULL ? null : this.codes[i]!.values[v];
      }
      case 'int': {
        const v = this.ints[i]![row];
        return v === NULL_INT ? null : v;
      }
      case 'bool':
        return this.ints[i]![row] === 1;
    }
  }

  /** The edge's id (its `key` field, always the first). */
  keyOf(row: number): string {
    return this.pools[0]!.get(row)!;
  }

  /** Calls `visit` with each endpoint's number (a role's appointer too, when it has one). */
  forEachEnd(row: number, visit: (entity: number) => void): void {
    for (const i of this.ends) {
      const v = this.ints[i]![row];
      if (v !== NULL) visit(v);
    }
  }

  /**
   * The columns in place (shared memory, no copy), for another thread: read them only while
   * the table does not change. Dates travel once, with the graph.
   */
  columns(): TableColumns {
    const n = this.length;
    return {
      length: n,
      ints: this.ints.map((a) => a?.subarray(0, n) ?? null),
      pools: this.pools.map((p) => p?.columns(n) ?? null),
      codes: this.codes.map((d, i) => (d && this.fields[i].kind === 'code' ? d.values : null)),
      dead: this.dead.subarray(0, n),
    };
  }
}
