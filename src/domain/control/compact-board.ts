/**
 * Board seats and key executives valid on the date, grouped by company, for R4 and R5.
 * Each DIRECTOR or CHAIRMAN row is one seat; a company's board size is its declared
 * `boardSeats`, else the number of those rows. Key executives are the CHAIRMAN, GENERAL_MANAGER
 * and CFO, kept as one bit each so "how many of the three" is a popcount.
 */
import { buildCsr, Csr } from '../graph/csr';
import { Party, Role, RoleType } from '../model';

export const KEY_EXECUTIVE_BIT: Partial<Record<RoleType, number>> = {
  CHAIRMAN: 1,
  GENERAL_MANAGER: 2,
  CFO: 4,
};

export interface BoardData {
  readonly seatCount: Int32Array;
  /** Seat rows of y: `seats.targets[seats.offsets[y] ..]` are appointers (-1 unknown). */
  readonly seats: Csr;
  readonly seatRole: Int32Array;
  readonly keys: Csr;
  readonly keyRole: Int32Array;
  readonly keyBit: Uint8Array;
  /** Appointer -> companies where it appointed a seat or key executive. */
  readonly byAppointer: Csr;
}

export function buildBoardData(
  n: number,
  parties: readonly Party[],
  roles: readonly Role[],
  ends: { from: Int32Array; to: Int32Array },
  appointers: Int32Array,
): BoardData {
  const seatCompany: number[] = [];
  const seatAppointer: number[] = [];
  const seatRole: number[] = [];
  const keyCompany: number[] = [];
  const keyAppointer: number[] = [];
  const keyRole: number[] = [];
  const keyBit: number[] = [];
  const appointer: number[] = [];
  const appointed: number[] = [];
  roles.forEach((role, r) => {
    const y = ends.to[r];
    const a = appointers[r];
    const bit = KEY_EXECUTIVE_BIT[role.role];
    const seat = role.role === 'DIRECTOR' || role.role === 'CHAIRMAN';
    if (seat) {
      seatCompany.push(y);
      seatAppointer.push(a);
      seatRole.push(r);
    }
    if (bit !== undefined) {
      keyCompany.push(y);
      keyAppointer.push(a);
      keyRole.push(r);
      keyBit.push(bit);
    }
    if (a >= 0 && (seat || bit !== undefined)) {
      appointer.push(a);
      appointed.push(y);
    }
  });
  const seats = buildCsr(n, seatCompany, seatAppointer);
  const keys = buildCsr(n, keyCompany, keyAppointer);
  const seatCount = new Int32Array(n);
  for (let y = 0; y < n; y++) {
    const declared = parties[y].boardSeats;
    seatCount[y] =
      declared !== null && declared > 0 ? declared : seats.offsets[y + 1] - seats.offsets[y];
  }
  return {
    seatCount,
    seats,
    seatRole: permute(seatRole, seats.edgeIds),
    keys,
    keyRole: permute(keyRole, keys.edgeIds),
    keyBit: Uint8Array.from(permute(keyBit, keys.edgeIds)),
    byAppointer: buildCsr(n, appointer, appointed),
  };
}

function permute(values: number[], order: Int32Array): Int32Array {
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}
