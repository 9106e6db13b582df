/**
 * Cheap exact tests that let R2–R5 skip a company before walking any ancestors. Most of a
 * bank's companies cannot gain a controller by pooling, and the ancestor tally is the
 * fixpoint's main cost.
 */
import { GrowableDigraph } from '../graph/growable-digraph';
import { Holdings } from './compact-holdings';

/** Whether the stakes of pairs `start .. end` together exceed `threshold`: else no one can. */
export function stakesExceed(h: Holdings, start: number, end: number, threshold: number): boolean {
  let total = 0;
  for (let p = start; p < end; p++) total += h.pairPct[p];
  return total > threshold;
}

/**
 * Whether one holder has a majority (so an R1 fact) and the other stakes together do not
 * exceed the threshold. Then a new R2 winner would need that holder's stake, so it controls
 * the holder and, through the R1 fact, the company already; or, when that control passes
 * through a state body only, the new fact is E1-exempt and adds nothing either. The
 * subsidiary with a majority parent and minority co-holders is the common case.
 */
export function majorityLeavesNoRoom(
  h: Holdings,
  start: number,
  end: number,
  threshold: number,
): boolean {
  let total = 0;
  let largest = 0;
  for (let p = start; p < end; p++) {
    total += h.pairPct[p];
    if (h.pairPct[p] > largest) largest = h.pairPct[p];
  }
  return largest > threshold && total - largest <= threshold;
}

/**
 * Whether any contributor in `parties[start .. end]` (-1: unknown, skipped) has a
 * controller yet. When none has, each party's tally is its own contribution alone, which
 * the direct rule (R1, or R4 / R5 by one appointer) has already recorded, so pooling can
 * add nothing.
 */
export function someControlled(
  control: GrowableDigraph,
  parties: Int32Array,
  start: number,
  end: number,
): boolean {
  for (let i = start; i < end; i++) {
    const x = parties[i];
    if (x >= 0 && control.headIn[x] !== -1) return true;
  }
  return false;
}
