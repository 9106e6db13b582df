/**
 * Board seats and key executives valid on the date, grouped by company, for R4 and R5.
 * Each DIRECTOR or CHAIRMAN row is one seat; a company's board size is its declared
 * `boardSeats`, else the number of those rows. Key executives are the CHAIRMAN, GENERAL_MANAGER
 * and CFO, kept as one bit each so "how many of the three" is a popcount.
 */
import { buildCsr, Csr } from '../graph/csr';
import { int32, uint8 } from '../graph/typed-arena';
import { ROLE_CODE } from './row-resolution';

/** Key-executive bit by ROLE_CODE (0: not a key post). */
const KEY_BIT_OF_CODE = ((): Uint8Array => {
  const bits = new Uint8Array(8);
  bits[ROLE_CODE.CHAIRMAN] = 1;
  bits[ROLE_CODE.GENERAL_MANAGER] = 2;
  bits[ROLE_CODE.CFO] = 4;
  return bits;
})();

export interface BoardData {
  /** Board size of each company with seat rows (0 for the others, never measured). */
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
  /** The board seats company y declares, null for none. */
  declaredSeats: (y: number) => number | null,
  ends: { from: Int32Array; to: Int32Array },
  roleCode: Uint8Array,
  appointers: Int32Array,
): BoardData {
  const m = roleCode.length;
  const seatCompany = int32(m);
  const seatAppointer = int32(m);
  const seatRole = int32(m);
  const keyCompany = int32(m);
  const keyAppointer = int32(m);
  const keyRole = int32(m);
  const keyBit = uint8(m);
  const appointer = int32(m);
  const appointed = int32(m);
  let seatRows = 0;
  let keyCount = 0;
  let appointedCount = 0;
  for (let r = 0; r < m; r++) {
    const code = roleCode[r];
    const y = ends.to[r];
    const a = appointers[r];
    const bit = KEY_BIT_OF_CODE[code];
    const seat = code === ROLE_CODE.DIRECTOR || code === ROLE_CODE.CHAIRMAN;
    if (seat) {
      seatCompany[seatRows] = y;
      seatAppointer[seatRows] = a;
      seatRole[seatRows++] = r;
    }
    if (bit !== 0) {
      keyCompany[keyCount] = y;
      keyAppointer[keyCount] = a;
      keyRole[keyCount] = r;
      keyBit[keyCount++] = bit;
    }
    if (a >= 0 && (seat || bit !== 0)) {
      appointer[appointedCount] = a;
      appointed[appointedCount++] = y;
    }
  }
  const seats = buildCsr(n, seatCompany, seatAppointer, seatRows);
  const keys = buildCsr(n, keyCompany, keyAppointer, keyCount);
  const boardSize = int32(n);
  for (let y = 0; y < n; y++) {
    const rows = seats.offsets[y + 1] - seats.offsets[y];
    // Only companies with seat rows are ever measured: skip reading the others' records.
    if (rows === 0) continue;
    const declared = declaredSeats(y);
    boardSize[y] = declared !== null && declared > 0 ? declared : rows;
  }
  return {
    seatCount: boardSize,
    seats,
    seatRole: permute(seatRole, seats.edgeIds),
    keys,
    keyRole: permute(keyRole, keys.edgeIds),
    keyBit: permuteBits(keyBit, keys.edgeIds),
    byAppointer: buildCsr(n, appointer, appointed, appointedCount),
  };
}

function permute(values: Int32Array, order: Int32Array): Int32Array {
  const out = int32(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}

function permuteBits(values: Uint8Array, order: Int32Array): Uint8Array {
  const out = uint8(order.length);
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}
