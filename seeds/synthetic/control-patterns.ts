/**
 * How a group company comes to control a new one, one mechanism per control rule of
 * DESIGN.md §3: R1 direct majority, R2 indirect majority (own stake + a controlled sister's),
 * R4 board appointments, R5 key executives, R6 consolidation, R7 declared control and
 * voting proxies, R8 financial dependence and OTHER_CONTROL (analyst judgement).
 * Each returns whether the control holds from the past through as-of and beyond: only such
 * "stable" companies become parents, so a future change detaches one leaf, never a subtree.
 */
import type { BankBuilder } from './bank-builder';
import {
  board,
  consolidation,
  declared,
  executives,
  otherControl,
  treasury,
} from './control-by-agreement';
import { indirect, majority, proxy } from './control-by-stakes';
import type { GroupContext } from './group-context';

export function attachChild(
  b: BankBuilder,
  g: GroupContext,
  child: number,
  parent: number,
): boolean {
  const { rng, cal } = b;
  b.parentOf[child] = parent;
  const since = rng.chance(0.8) ? b.founded[child] : cal.pastAfter(rng, b.founded[child]);
  return MECHANISMS[rng.weighted(WEIGHTS)](b, g, child, parent, since);
}

const MECHANISMS = [
  majority,
  indirect,
  board,
  executives,
  consolidation,
  treasury,
  proxy,
  declared,
  otherControl,
];
const WEIGHTS = [740, 80, 50, 30, 30, 30, 10, 20, 10];
