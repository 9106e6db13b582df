/**
 * Step 2, in the bench process: the whole dated graph loaded from PostgreSQL as records
 * (loadControlGraph), then the full derivation of every group on the bank's date (deriveGroups
 * with the default control policy), repeated within a time limit, and the typed-array
 * union-find floor over the same in-memory graph. Beside it, and first (see storeDerivation),
 * the full derivation as the server runs it: the graph loaded into the columnar store
 * (loadGraphStore), and each run deriving from the store's columns (groups and the facts kept
 * for writes) and turning the groups back into ids — everything the derivation worker and
 * its caller do but start the thread.
 */
import { performance } from 'node:perf_hooks';
import { deriveGroups } from '../../src/domain/control/derive-groups';
import type { Derivation } from '../../src/domain/control/types';
import type { GroupShape } from '../../src/domain/groups';
import type { ControlGraph } from '../../src/domain/model';
import { DEFAULT_POLICY } from '../../src/domain/policy';
import { openOrm } from '../../src/persistence/orm';
import { loadControlGraph } from '../../src/persistence/repositories/snapshot.repository';
import { deriveBank, unpackGroups } from '../../src/services/derivation/full-derivation';
import { headsPrimaryFirst, sameGroup } from '../../src/services/group-diff';
import type { GraphStore } from '../../src/services/graph-store';
import { loadGraphStore } from '../../src/services/graph-store-loader';
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
  /** The server's path: columns of the store loaded as the server loads it (see above). */
  fromStore: StoreDerivationFigures;
  groups: number;
  multiMemberGroups: number;
  largestGroup: number;
  facts: number;
  unionFind: ComponentFigures[];
  /** Largest component over every edge of every date: what one write may re-derive. */
  anyDateComponents: ComponentFigures;
  memoryAfter: MemorySnapshot;
}

export interface StoreDerivationFigures {
  loadStoreMs: number;
  deriveRunsMs: number[];
  deriveCpuRunsMs: number[];
  deriveBestMs: number;
  /** Identical groups and heads to the record path's (checked on every run's result). */
  sameGroups: boolean;
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

/**
 * At least `reps` runs, each one after a full collection (the previous result is garbage),
 * and more until `settleMs` of runs have passed (at most MAX_RUNS): a small bank's first runs
 * are mostly the JIT compiling the derivation (at 100 k the first run takes about three times
 * the settled one), so its best run is read once the code is compiled. Every run is kept,
 * the first one included, for the report.
 */
function timedRuns<T>(
  reps: number,
  limitS: number,
  run: () => T,
  settleMs = 2_000,
): { runs: number[]; cpuRuns: number[]; last: T } {
  const until = deadline(limitS);
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let last: T | undefined;
  let spent = 0;
  const more = (i: number) => i < reps || (spent < settleMs && i < MAX_RUNS);
  for (let i = 0; more(i) && (i === 0 || !until.expired()); i++) {
    last = undefined;
    global.gc?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    last = run();
    const ms = performance.now() - start;
    spent += ms;
    runs.push(round(ms));
    const used = process.cpuUsage(cpu);
    cpuRuns.push(round((used.user + used.system) / 1000));
  }
  return { runs, cpuRuns, last: last! };
}

const MAX_RUNS = 12;

/**
 * The server's whole-bank derivation (derive.worker.ts and its caller) on this thread: groups
 * and the facts kept for writes, from the store's columns, then the groups with the store's ids.
 */
export function deriveFromStore(store: GraphStore, asOf: string): GroupShape[] {
  const bank = deriveBank(store.columns(), asOf, DEFAULT_POLICY.control);
  return unpackGroups(bank, (i) => store.idAt(i));
}

/**
 * The server's path, measured first, in a process whose heap does not yet hold a million
 * records: the store's typed arrays are external memory, which starts full collections of
 * the whole heap, so with the records loaded beside it every run would pay for marking them.
 */
export async function storeDerivation(
  url: string,
  asOf: string,
  limitS: number,
): Promise<{ figures: Omit<StoreDerivationFigures, 'sameGroups'>; shapes: GroupShape[] }> {
  const orm = await openOrm(url);
  let loaded: { ms: number; value: GraphStore };
  try {
    loaded = await timed(() => loadGraphStore(orm.em.fork()));
  } finally {
    await orm.close(true);
  }
  const { runs, cpuRuns, last } = timedRuns(3, limitS, () => deriveFromStore(loaded.value, asOf));
  const figures = {
    loadStoreMs: loaded.ms,
    deriveRunsMs: runs,
    deriveCpuRunsMs: cpuRuns,
    deriveBestMs: Math.min(...runs),
  };
  return { figures, shapes: last };
}

function sameShapes(shapes: GroupShape[], reference: Derivation): boolean {
  if (shapes.length !== reference.groups.length) return false;
  return shapes.every((g, i) =>
    sameGroup(g, { ...reference.groups[i], headIds: headsPrimaryFirst(reference, i) }),
  );
}

export function deriveTimed(
  graph: ControlGraph,
  asOf: string,
  reps: number,
  limitS: number,
): { runs: number[]; cpuRuns: number[]; derivation: Derivation } {
  const { runs, cpuRuns, last } = timedRuns(reps, limitS, () =>
    deriveGroups(graph, asOf, DEFAULT_POLICY.control),
  );
  return { runs, cpuRuns, derivation: last };
}

export async function derivationStep(
  url: string,
  asOf: string,
  limitS: number,
): Promise<DerivationStep> {
  const fromStore = await storeDerivation(url, asOf, limitS);
  global.gc?.(); // the store is garbage from here on
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
    fromStore: { ...fromStore.figures, sameGroups: sameShapes(fromStore.shapes, derivation) },
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
