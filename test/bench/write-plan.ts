/**
 * Which edges the incremental-latency step inserts and removes: random shareholdings that
 * pass the import's rules (no self-ownership, a company's voting stakes ≤ 100 % on every
 * date), a share of them with both ends inside the largest group, and random current
 * stakes to end today (a dated graph "removes" an edge by ending it). About a third of
 * the inserts are majority stakes so that groups merge, not only gain minority noise.
 * Deterministic for a seed.
 */
import { scalePct } from '../../src/domain/control/percent-scale';
import type { ControlGraph, Shareholding } from '../../src/domain/model';
import { Rng } from '../../seeds/synthetic/rng';

export interface PlannedInsert {
  record: Shareholding;
  inLargest: boolean;
}

export interface PlannedRemoval {
  id: string;
  validTo: string;
  inLargest: boolean;
}

export interface WritePlan {
  /** Uniform inserts sent before the measured ones, reported apart (bench-args). */
  warmUp: PlannedInsert[];
  inserts: PlannedInsert[];
  removals: PlannedRemoval[];
}

/** Scaled percentages (see percent-scale.ts) per hundredth of a percent. */
const PER_HUNDREDTH = scalePct('0.01');
const HUNDRED = scalePct('100');
const MAJORITY_HUNDREDTHS = 5001;

export function planWrites(
  graph: ControlGraph,
  largestGroup: ReadonlySet<string>,
  asOf: string,
  options: {
    count: number;
    largestShare: number;
    seed: number;
    idPrefix: string;
    warmUp?: number;
  },
): WritePlan {
  const rng = new Rng(options.seed);
  const companies = graph.entities.filter((e) => e.kind === 'COMPANY').map((e) => e.id);
  const everyone = graph.entities.map((e) => e.id);
  const largest = [...largestGroup].sort();
  const companySet = new Set(companies);
  const largestCos = largest.filter((id) => companySet.has(id));
  const bothInside = (a: string, b: string) => largestGroup.has(a) && largestGroup.has(b);

  // Voting stakes still open on or after today: a new stake from today overlaps them all.
  const used = new Map<string, number>();
  for (const s of graph.shareholdings) {
    if (s.validTo !== null && s.validTo <= asOf) continue;
    used.set(s.companyId, (used.get(s.companyId) ?? 0) + scalePct(s.votingPct));
  }

  /** `count` stakes passing the rules, the first `inLargestWanted` inside the largest group. */
  const planted = (count: number, inLargestWanted: number, tag: string): PlannedInsert[] => {
    const planned: PlannedInsert[] = [];
    for (let i = 0, tries = 0; planned.length < count && tries < count * 50; tries++) {
      const aimInside =
        planned.length < inLargestWanted && largestCos.length > 0 && largest.length > 1;
      const companyId = rng.pick(aimInside ? largestCos : companies);
      const holderId = rng.pick(aimInside ? largest : everyone);
      if (holderId === companyId) continue;
      const free = Math.floor((HUNDRED - (used.get(companyId) ?? 0)) / PER_HUNDREDTH);
      if (free < 1) continue;
      const hundredths =
        free >= MAJORITY_HUNDREDTHS && rng.chance(0.35)
          ? rng.int(MAJORITY_HUNDREDTHS, free)
          : rng.int(1, Math.min(free, 2000));
      used.set(companyId, (used.get(companyId) ?? 0) + hundredths * PER_HUNDREDTH);
      const pct = percentText(hundredths);
      planned.push({
        inLargest: bothInside(holderId, companyId),
        record: {
          id: `${options.idPrefix}-${tag}-${++i}`,
          holderId,
          companyId,
          votingPct: pct,
          equityPct: pct,
          validFrom: asOf,
          validTo: null,
          source: 'bench',
        },
      });
    }
    return planned;
  };
  const inserts = planted(options.count, Math.round(options.count * options.largestShare), 'SH');

  // Stakes in force today that started before it (validTo must come after validFrom).
  const open = graph.shareholdings.filter(
    (s) => s.validTo === null && (s.validFrom === null || s.validFrom < asOf),
  );
  const inside = open.filter((s) => bothInside(s.holderId, s.companyId));
  const removals: PlannedRemoval[] = [];
  const chosen = new Set<string>();
  const largestRemovals = Math.min(inside.length, Math.round(options.count * options.largestShare));
  const take = (pool: readonly Shareholding[], n: number) => {
    for (let tries = 0; n > 0 && tries < n * 50 && pool.length > 0; tries++) {
      const s = rng.pick(pool);
      if (chosen.has(s.id)) continue;
      chosen.add(s.id);
      removals.push({ id: s.id, validTo: asOf, inLargest: bothInside(s.holderId, s.companyId) });
      n--;
    }
  };
  take(inside, largestRemovals);
  take(open, Math.min(open.length, options.count) - removals.length);
  // Interleave so the largest group's writes are spread over the run, not bunched first.
  const measured = { inserts: shuffle(rng, inserts), removals: shuffle(rng, removals) };
  // Planned last, so a seed plans the same measured writes with or without a warm-up.
  return { warmUp: planted(options.warmUp ?? 0, 0, 'WU'), ...measured };
}

function percentText(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const frac = hundredths % 100;
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(2, '0')}`;
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
