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
