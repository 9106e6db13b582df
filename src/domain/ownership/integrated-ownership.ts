/**
 * Integrated (look-through) ownership and ultimate owners (DESIGN §3, last paragraph:
 * "integrated ownership of each person in each company … so beneficial owners ≥ 25 % can
 * be listed"; 25 % is the beneficial-owner threshold of PBOC 银发〔2017〕235号 and of the
 * FATF Recommendation 24 guidance). Information only: it never decides group membership,
 * which follows voting control (src/domain/control).
 */
import { NotFoundError, ValidationError } from '../errors';
import type { DecimalString, IsoDate, Party, Shareholding } from '../model';
import { Decimal, HUNDRED } from '../money/decimal';
import { countHoldingPaths } from './holding-paths';
import { compareIds, upstreamHoldingGraph, type HoldingGraph } from './holding-graph';
import { lookThroughValues } from './look-through';
import { strongComponents } from './strong-components';

export interface IntegratedStake {
  holderId: string;
  /** Percent of the target's equity, rounded to 6 decimal places, e.g. "30" or "66.666667". */
  pct: DecimalString;
  /** The holder also holds the target directly. */
  direct: boolean;
  /** Distinct holding paths (no entity twice) from the holder to the target. */
  paths: number;
}

/** Every upstream holder of `targetId` on `asOf`, largest stake first, then by id. */
export function integratedOwnership(
  shareholdings: readonly Shareholding[],
  targetId: string,
  asOf: IsoDate,
): IntegratedStake[] {
  return stakesIn(upstreamHoldingGraph(shareholdings, targetId, asOf));
}

/**
 * The holders at the top of the chains (persons, state bodies, companies no one holds on
 * `asOf`) whose look-through stake is at least `minPercent`, compared on the figure shown.
 */
export function ultimateOwners(
  entities: readonly Party[],
  shareholdings: readonly Shareholding[],
  targetId: string,
  asOf: IsoDate,
  minPercent: DecimalString = '25',
): IntegratedStake[] {
  if (!entities.some((e) => e.id === targetId)) throw NotFoundError.entity('entity', targetId);
  const threshold = percentThreshold(minPercent);
  const graph = upstreamHoldingGraph(shareholdings, targetId, asOf);
  const held = new Set(graph.ids.filter((_, v) => graph.holdersOf[v].length > 0));
  return stakesIn(graph).filter(
    (s) => !held.has(s.holderId) && new Decimal(s.pct).greaterThanOrEqualTo(threshold),
  );
}

function stakesIn(graph: HoldingGraph): IntegratedStake[] {
  const components = strongComponents(graph.ids.length, (v) =>
    graph.holdingsOf[v].map((e) => e.node),
  );
  const value = lookThroughValues(graph, components);
  const paths = countHoldingPaths(graph, components);
  const directHolders = new Set(graph.holdersOf[0].map((e) => e.node));
  const stakes = graph.ids.slice(1).map((holderId, i) => ({
    holderId,
    pct: asPercent(value[i + 1]),
    direct: directHolders.has(i + 1),
    paths: paths[i + 1],
  }));
  return stakes
    .map((s) => ({ stake: s, pct: new Decimal(s.pct) }))
    .sort((a, b) => b.pct.comparedTo(a.pct) || compareIds(a.stake.holderId, b.stake.holderId))
    .map(({ stake }) => stake);
}

/**
 * Six places, not the four of `roundForPresentation`: a look-through stake several levels
 * deep (0.3 % of 0.2 % of …) must not round to zero, and 6 places keep a cross-holding's
 * closed form (66.666667) free of float-like noise while still summing to 100.000000.
 */
function asPercent(fraction: Decimal): DecimalString {
  return fraction.times(HUNDRED).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed();
}

function percentThreshold(minPercent: DecimalString): Decimal {
  let threshold: Decimal;
  try {
    threshold = new Decimal(minPercent);
  } catch {
    throw ValidationError.of([`ultimate owners: minPercent "${minPercent}" is not a decimal`]);
  }
  if (!threshold.isFinite() || threshold.isNegative() || threshold.greaterThan(HUNDRED)) {
    throw ValidationError.of([`ultimate owners: minPercent "${minPercent}" is not in 0..100`]);
  }
  return threshold;
}
