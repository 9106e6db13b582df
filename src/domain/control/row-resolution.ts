/**
 * Resolving the rows valid on one date to entity indices, reading each row object once.
 *
 * Shareholdings and roles are most of a bank's rows, so each has its own loop: a loop
 * shared by every row type reads six object shapes and V8 then looks each field up the
 * slow (megamorphic) way. The same single pass takes what later stages need from the row
 * (the scaled voting stake, the role type as a code, the appointer), so no later stage
 * walks the million row objects again.
 */
import { IdIndex } from '../graph/id-index';
import { float64, int32, uint8 } from '../graph/typed-arena';
import { isValidOn, Role, RoleType, Shareholding, Validity } from '../model';
import { scalePct } from './percent-scale';
import { EndResolver, keptOnly } from './row-ends';

/** Row r runs from entity `from[r]` to entity `to[r]`. */
export interface RowEnds {
  readonly from: Int32Array;
  readonly to: Int32Array;
}

export interface Resolved<T> {
  rows: readonly T[];
  ends: RowEnds;
}

export const ROLE_CODE: Readonly<Record<RoleType, number>> = {
  CHAIRMAN: 0,
  DIRECTOR: 1,
  GENERAL_MANAGER: 2,
  CFO: 3,
  LEGAL_REPRESENTATIVE: 4,
  SUPERVISOR: 5,
  ACTUAL_CONTROLLER: 6,
};

/** Collects "unknown entity" problems; the caller throws them all at once. */
export type Problems = string[];

/** Kept-row buffers sized for every row; the front is used. */
class Kept {
  readonly keep: Uint8Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  count = 0;

  constructor(readonly total: number) {
    this.keep = uint8(total);
    this.from = int32(total);
    this.to = int32(total);
  }

  /** Records row r when both ends are known and differ; returns its kept position or -1. */
  add(r: number, ia: number, ib: number): number {
    // A row from an entity to itself carries no control; validation rejects it upstream.
    if (ia === -1 || ib === -1 || ia === ib) return -1;
    this.keep[r] = 1;
    this.from[this.count] = ia;
    this.to[this.count] = ib;
    return this.count++;
  }

  result<T>(rows: readonly T[]): Resolved<T> {
    const n = this.count;
    // Usually every row is valid on the date: then the caller's array serves as it is.
    return {
      rows: n === rows.length ? rows : keptOnly(rows, this.keep, n),
      ends: { from: this.from.subarray(0, n), to: this.to.subarray(0, n) },
    };
  }
}

function unknown(problems: Problems, file: string, id: string, ref: string): void {
  problems.push(`control graph: ${file} ${id} references unknown entity "${ref}"`);
}

export function resolveShareholdings(
  index: IdIndex,
  rows: readonly Shareholding[],
  asOf: string,
  problems: Problems,
): Resolved<Shareholding> & { votingPct: Float64Array } {
  const ends = new EndResolver(index);
  const kept = new Kept(rows.length);
  const pct = float64(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!isValidOn(row, asOf)) continue;
    const ia = ends.from(row.holderId);
    const ib = ends.to(row.companyId);
    if (ia === -1 || ib === -1)
      unknown(problems, 'shareholding', row.id, ia === -1 ? row.holderId : row.companyId);
    const k = kept.add(r, ia, ib);
    if (k !== -1) pct[k] = scalePct(row.votingPct);
  }
  return { ...kept.result(rows), votingPct: pct.subarray(0, kept.count) };
}

export function resolveRoles(
  index: IdIndex,
  rows: readonly Role[],
  asOf: string,
  problems: Problems,
): Resolved<Role> & { roleCode: Uint8Array; appointer: Int32Array } {
  const ends = new EndResolver(index);
  const appointers = new EndResolver(index);
  const kept = new Kept(rows.length);
  const roleCode = uint8(rows.length);
  const appointer = int32(rows.length);
  // Reported after the rows' own ends, as a second pass over the rows would.
  const appointerProblems: Problems = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!isValidOn(row, asOf)) continue;
    const ia = ends.from(row.holderId);
    const ib = ends.to(row.companyId);
    if (ia === -1 || ib === -1)
      unknown(problems, 'role', row.id, ia === -1 ? row.holderId : row.companyId);
    const k = kept.add(r, ia, ib);
    if (k === -1) continue;
    roleCode[k] = ROLE_CODE[row.role];
    const by = row.appointedById;
    const a = by === null ? -1 : appointers.from(by);
    if (a === -1 && by !== null) unknown(appointerProblems, 'role', row.id, by);
    appointer[k] = a;
  }
  for (const problem of appointerProblems) problems.push(problem);
  const n = kept.count;
  return {
    ...kept.result(rows),
    roleCode: roleCode.subarray(0, n),
    appointer: appointer.subarray(0, n),
  };
}

/** The few-row types (links, family ties, guarantees, designations): one shared loop. */
export function resolveRows<T extends Validity & { id: string }>(
  index: IdIndex,
  file: string,
  rows: readonly T[],
  asOf: string,
  problems: Problems,
  fromOf: (row: T) => string,
  toOf: (row: T) => string,
): Resolved<T> {
  const ends = new EndResolver(index);
  const kept = new Kept(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!isValidOn(row, asOf)) continue;
    const a = fromOf(row);
    const b = toOf(row);
    const ia = ends.from(a);
    const ib = ends.to(b);
    if (ia === -1 || ib === -1) unknown(problems, file, row.id, ia === -1 ? a : b);
    kept.add(r, ia, ib);
  }
  return kept.result(rows);
}
