/**
 * R2 indirect majority: x's own voting stake in y plus the stakes of the entities x
 * already controls singly (R1, R2, R4, R5, R6, R7, down any chain) exceed the threshold.
 * Evaluated round by round inside the single-control fixpoint, so cross-holdings and
 * cycles terminate. Only the lowest winner is recorded: when both a person and his holding
 * company cross the line through the same stakes, the holding company is the controller
 * and the person controls through it.
 * Source: seed 集团客户认定标准 (二)1 (直接或间接控制).
 */
import { rawFact, RawFact, RuleContext } from '../raw-fact';
import { majorityLeavesNoRoom, someControlled, stakesExceed } from '../pooling-guards';
import { slotRows } from './direct-majority.rule';

export function evaluateIndirectMajority(ctx: RuleContext, y: number, out: RawFact[]): void {
  const h = ctx.g.holdings;
  const start = h.pairStart[y];
  const end = h.pairStart[y + 1];
  if (end - start < 2) return; // one holder alone is R1 or nothing
  if (!stakesExceed(h, start, end, ctx.threshold)) return;
  // With R1 off, a holder's own majority is recorded here, so these guards need R1.
  if (ctx.enabled('R1')) {
    if (!someControlled(ctx.control, h.pairHolder, start, end)) return;
    if (majorityLeavesNoRoom(h, start, end, ctx.threshold)) return;
  }
  const tally = ctx.tally;
  tally.begin(y);
  for (let p = start; p < end; p++) tally.add(h.pairHolder[p], h.pairPct[p], 0);
  for (const x of tally.winners((c) => tally.total[c] > ctx.threshold)) {
    const { slots, throughState } = tally.slotsFor(
      x,
      (used) => used.reduce((total, slot) => total + h.pairPct[start + slot], 0) > ctx.threshold,
    );
    const shareRows = slotRows(ctx, start, slots);
    const intermediaries = holdersOtherThan(x, h.pairHolder, start, slots);
    out.push(
      rawFact(x, y, 'R2', {
        pooled: true,
        poolIds: intermediaries,
        via: intermediaries,
        throughState,
        shareRows,
      }),
    );
  }
}

/** The holders of the slots other than x, in slot order, in an exact list (kept with the fact). */
function holdersOtherThan(
  x: number,
  pairHolder: Int32Array,
  start: number,
  slots: readonly number[],
): number[] {
  let count = 0;
  for (const slot of slots) if (pairHolder[start + slot] !== x) count++;
  const holders = new Array<number>(count);
  let k = 0;
  for (const slot of slots)
    if (pairHolder[start + slot] !== x) holders[k++] = pairHolder[start + slot];
  return holders;
}
