/**
 * How big the bank's groups are and of which kind. Sizes follow a discrete Pareto law
 * (P(size ≥ k) = (2/k)^α, α = 1.8): about half the groups are a holder and one company,
 * a few hundred reach the hundreds, and a capped handful reach the cap (10 000 members at
 * one million entities). The cap scales with the bank so small banks have a large group too.
 */
import type { GroupKind } from './bank-builder';
import type { Rng } from './rng';

const ALPHA = 1.8;
export const MAX_GROUP = 10_000;

export interface BankPlan {
  entities: number;
  persons: number;
  companies: number;
  states: number;
  institutions: number;
  /** The largest group's size: one group is built exactly this large. */
  cap: number;
}

export function planBank(entities: number): BankPlan {
  const states = Math.min(13, Math.max(2, 1 + Math.floor(entities / 50_000)));
  const institutions = Math.min(50, Math.max(1, Math.floor(entities / 20_000)));
  const persons = Math.round(entities * 0.3);
  return {
    entities,
    persons,
    companies: entities - persons - states - institutions,
    states,
    institutions,
    cap: Math.min(MAX_GROUP, Math.max(4, Math.floor(entities / 20))),
  };
}

export function drawGroupSize(rng: Rng, cap: number): number {
  return Math.min(cap, Math.floor(rng.pareto(2, ALPHA)));
}

const KINDS: readonly GroupKind[] = [
  'FAMILY',
  'STATE',
  'CONCERT',
  'FOREIGN',
  'DISPERSED',
  'MUTUAL',
  'INSTITUTION',
];
/** Pairs (one holder, one company) cannot be concert or mutual groups. */
const PAIR_WEIGHTS = [70, 10, 0, 7, 10, 0, 3];
const WEIGHTS = [52, 18, 6, 8, 10, 4, 2];

export function drawGroupKind(rng: Rng, size: number): GroupKind {
  return KINDS[rng.weighted(size <= 2 ? PAIR_WEIGHTS : WEIGHTS)];
}
