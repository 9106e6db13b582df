/**
 * R4 board majority: x, together with the entities it controls, appointed more than half
 * of y's board seats (the declared board size, else the number of DIRECTOR and CHAIRMAN
 * rows; each such row is one seat).
 * Source: seed 集团客户认定标准 (二)9 (有权任免董事会半数以上成员).
 */
import { rawFact, RawFact, RuleContext } from '../raw-fact';

/** x alone appointed the majority: recorded whatever else links x to y. */
export function directBoardMajorityFacts(ctx: RuleContext): RawFact[] {
  const { seats, seatRole, seatCount } = ctx.g.board;
  const facts: RawFact[] = [];
  for (let y = 0; y < ctx.g.n; y++) {
    if (seats.offsets[y] === seats.offsets[y + 1]) continue;
    const byAppointer = new Map<number, number[]>();
    for (let i = seats.offsets[y]; i < seats.offsets[y + 1]; i++) {
      const a = seats.targets[i];
      if (a < 0) continue;
      const rows = byAppointer.get(a) ?? [];
      rows.push(seatRole[i]);
      byAppointer.set(a, rows);
    }
    for (const [a, rows] of byAppointer) {
      if (a !== y && 2 * rows.length > seatCount[y]) {
        facts.push(
          rawFact(a, y, 'R4', {
            roleRows: rows,
            note: { kind: 'seats', appointed: rows.length, total: seatCount[y] },
          }),
        );
      }
    }
  }
  return facts;
}

export function evaluateBoardMajority(ctx: RuleContext, y: number, out: RawFact[]): void {
  const { seats, seatRole, seatCount } = ctx.g.board;
  const start = seats.offsets[y];
  const end = seats.offsets[y + 1];
  if (!hasTwoAppointers(seats.targets, start, end)) return;
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
