/**
 * Step 2, in the bench process: the whole dated graph loaded from PostgreSQL exactly as the
 * server loads it (loadControlGraph), then the full derivation of every group on the bank's
 * date (deriveGroups with the default control policy), repeated within a time limit, and
 * the typed-array union-find floor over the same in-memory graph.
 */
import { performance } from 'node:perf_hooks';
import { deriveGroups } from '../../src/domain/control/derive-groups';
import type { Derivation } from '../../src/domain/control/types';
import type { ControlGraph } from '../../src/domain/model';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { openOrm } from '../../src/persistence/orm';
import { loadControlGraph } from '../../src/persistence/repositories/snapshot.repository';
import { deadline, memorySnapshot, round, timed, type MemorySnapshot } from './timing';
import { componentReference, type ComponentFigures } from './union-find-reference';

export interface DerivationFigures {
  loadGraphMs: number;
  /** Every run's time; the first includes JIT warm-up. */
  deriveRunsMs: number[];
  /** CPU time of each run (all the process's threads, GC included): less sensitive to a busy machine. */
  deriveCpuRunsMs: number[];
  deriveBestMs: number;
  deriveMedianMs: number;
  groups: number;
  multiMemberGroups: number;
  largestGroup: number;
  facts: number;
  unionFind: ComponentFigures[];
  /** Largest component over every edge of every date: what one write may re-derive. */
  anyDateComponents: ComponentFigures;
  memoryAfter: MemorySnapshot;
}

export interface DerivationStep {
  figures: DerivationFigures;
  graph: ControlGraph;
  derivation: Derivation;
}

export async function loadGraph(url: string): Promise<{ graph: ControlGraph; ms: number }> {
  const orm = await openOrm(url);
  try {
    const { ms, value } = await timed(() => loadControlGraph(orm.em.fork()));
    return { graph: value, ms };
  } finally {
    await orm.close(true);
  }
}

export function deriveTimed(
  graph: ControlGraph,
  asOf: string,
  reps: number,
  limitS: number,
): { runs: number[]; cpuRuns: number[]; derivation: Derivation } {
  const until = deadline(limitS);
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let derivation: Derivation | undefined;
  for (let i = 0; i < reps && (i === 0 || !until.expired()); i++) {
    derivation = undefined; // the previous result is garbage before the next run starts
    global.gc?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    derivation = deriveGroups(graph, asOf, DEFAULT_POLICY.control);
    runs.push(round(performance.now() - start));
    const used = process.cpuUsage(cpu);
    cpuRuns.push(round((used.user + used.system) / 1000));
  }
  return { runs, cpuRuns, derivation: derivation! };
}

export async function derivationStep(
  url: string,
  asOf: string,
  limitS: number,
): Promise<DerivationStep> {
  const { graph, ms: loadGraphMs } = await loadGraph(url);
  const { runs, cpuRuns, derivation } = deriveTimed(graph, asOf, 3, limitS);
  const sorted = [...runs].sort((a, b) => a - b);
  const sizes = derivation.groups.map((g) => g.memberIds.length);
  const figures: DerivationFigures = {
    loadGraphMs,
    deriveRunsMs: runs,
    deriveCpuRunsMs: cpuRuns,
    deriveBestMs: sorted[0],
    deriveMedianMs: sorted[Math.floor((sorted.length - 1) / 2)],
    groups: sizes.length,
    multiMemberGroups: sizes.filter((s) => s > 1).length,
    largestGroup: sizes.reduce((m, s) => Math.max(m, s), 0),
    facts: derivation.facts.length,
    unionFind: [
      componentReference(graph, asOf, 'all'),
      componentReference(graph, asOf, 'majorityAndLinks'),
    ],
    anyDateComponents: componentReference(graph, asOf, 'anyDate', 1),
    memoryAfter: memorySnapshot(),
  };
  return { figures, graph, derivation };
}

/** Members of the largest group (ties: the first in derivation order). */
export function largestGroupOf(derivation: Derivation): Set<string> {
  let best = derivation.groups[0];
  for (const g of derivation.groups) if (g.memberIds.length > best.memberIds.length) best = g;
  return new Set(best.memberIds);
}
