/**
 * R4 board majority: x, together with the entities it controls, appointed more than half
 * of y's board seats (the declared board size, else the number of DIRECTOR and CHAIRMAN
 * rows; each such row is one seat).
 * Source: seed 集团客户认定标准 (二)9 (有权任免董事会半数以上成员).
 */
import { someControlled } from '../pooling-guards';
import { rawFact, RawFact, RuleContext } from '../raw-fact';

/** x alone appointed the majority: recorded whatever else links x to y. */
export function directBoardMajorityFacts(ctx: RuleContext): RawFact[] {
  const { seats, seatRole, seatCount } = ctx.g.board;
  const facts: RawFact[] = [];
  const { offsets, targets } = seats;
  for (let y = 0; y < ctx.g.n; y++) {
    const end = offsets[y + 1];
    // Each appointer once, in the order first seen: a board has a handful of seats.
    for (let i = offsets[y]; i < end; i++) {
      const a = targets[i];
      if (a < 0 || a === y || seenBefore(targets, offsets[y], i, a)) continue;
      let count = 0;
      for (let j = i; j < end; j++) if (targets[j] === a) count++;
      if (2 * count <= seatCount[y]) continue;
      const rows: number[] = [];
      for (let j = i; j < end; j++) if (targets[j] === a) rows.push(seatRole[j]);
      facts.push(
        rawFact(a, y, 'R4', {
          roleRows: rows,
          note: { kind: 'seats', appointed: count, total: seatCount[y] },
        }),
      );
    }
  }
  return facts;
}

export function evaluateBoardMajority(ctx: RuleContext, y: number, out: RawFact[]): void {
  const { seats, seatRole, seatCount } = ctx.g.board;
  const start = seats.offsets[y];
  const end = seats.offsets[y + 1];
  if (!hasTwoAppointers(seats.targets, start, end)) return;
  if (!someControlled(ctx.control, seats.targets, start, end)) return;
  const tally = ctx.tally;
  tally.begin(y);
  const slotRow: number[] = [];
  for (let i = start; i < end; i++) {
    if (seats.targets[i] < 0) continue;
    tally.add(seats.targets[i], 1, 0);
    slotRow.push(i);
  }
  for (const x of tally.winners((c) => 2 * tally.total[c] > seatCount[y])) {
    const { slots, throughState } = tally.slotsFor(x, (u) => 2 * u.length > seatCount[y]);
    const used = slots.map((slot) => slotRow[slot]);
    const intermediaries = distinct(used.map((i) => seats.targets[i]).filter((a) => a !== x));
    out.push(
      rawFact(x, y, 'R4', {
        poolIds: intermediaries,
        via: intermediaries,
        throughState,
        roleRows: used.map((i) => seatRole[i]),
        note: { kind: 'seats', appointed: used.length, total: seatCount[y] },
      }),
    );
  }
}

/** Whether `value` occurs in `list[start .. end)`. */
export function seenBefore(list: Int32Array, start: number, end: number, value: number): boolean {
  for (let j = start; j < end; j++) if (list[j] === value) return true;
  return false;
}

/** Pooling can only add a winner when at least two different parties appointed. */
export function hasTwoAppointers(appointers: Int32Array, start: number, end: number): boolean {
  let first = -1;
  for (let i = start; i < end; i++) {
    const a = appointers[i];
    if (a < 0) continue;
    if (first === -1) first = a;
    else if (a !== first) return true;
  }
  return false;
}

export function distinct(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
