/**
 * Everything one bench run measured, as written to bench-results.json (after every step, so
 * a run stopped part-way still leaves what it had).
 */
import { writeFileSync } from 'node:fs';
import type { BenchArgs } from './bench-args';
import type { CteFigures } from './cte-step';
import type { DerivationFigures } from './derivation-step';
import type { ImportFigures } from './import-step';
import type { LoadFigures, StatementCount } from './load-step';
import type { LatencySummary, MemorySnapshot } from './timing';

export interface ServerFigures {
  /** First start after the import: derives and persists every group. */
  firstStartMs: number;
  /** A restart with the groups already persisted: cold start to serving. */
  coldStartMs: number;
  phases: Record<string, number>;
  memoryReady: MemorySnapshot;
  memoryAfterLoad?: MemorySnapshot;
  memoryAfterWrites?: MemorySnapshot;
}

export interface WriteFigures {
  planned: {
    inserts: number;
    removals: number;
    insertsInLargest: number;
    removalsInLargest: number;
  };
  timedOut: boolean;
  failures: { inserts: number; removals: number; examples: string[] };
  /** The warm-up inserts, sent first: not in any other figure. */
  warmUp: LatencySummary;
  insert: LatencySummary;
  insertInLargest: LatencySummary;
  /** The inserts placed uniformly over the bank (not the share placed in the largest group). */
  insertOutside: LatencySummary;
  removal: LatencySummary;
  removalInLargest: LatencySummary;
  /** The removals of stakes picked uniformly over the bank. */
  removalOutside: LatencySummary;
  /** Entities re-derived per write (the any-date component), largest and median. */
  scopeMax: number;
  scopeMedian: number;
  /** Size of the largest group a write touched. */
  groupSizeMax: number;
  /** The slowest 1 % of the measured stake writes: their mean, and the collector's share of it. */
  slowest: { count: number; meanMs: number; meanGcMs: number; withGc: number };
}

/**
 * FAMILY_TIE inserts, then the same ties ended: writes that can merge or split whole groups.
 * No target: recorded so the figure is on file. Scope and paths count successful writes only
 * (a failed write leaves the engine's last-write figures as the previous write set them).
 */
export interface KinWriteFigures {
  planned: number;
  /** Persons holding a stake on the bench date, the pool the ties were drawn from. */
  eligiblePersons: number;
  timedOut: boolean;
  failures: { inserts: number; ends: number; examples: string[] };
  insert: LatencySummary;
  end: LatencySummary;
  scopeMax: number;
  scopeMedian: number;
  /** Writes per re-derivation path: downstream, groups, component, bank. */
  paths: Record<string, number>;
  groupSizeMax: number;
}

export interface SqlFigures {
  samples: StatementCount[];
  /** Over the first ask of each group (an earlier sample of the same group is served cached). */
  min: number;
  max: number;
  /** Over the repeated asks (answered from the server's cache). */
  cachedMin: number;
  cachedMax: number;
  constant: boolean;
}

export interface CteReference {
  /** Same database as the run, or a side bank of `entities` generated for it. */
  sameDatabase: boolean;
  cte: CteFigures;
  /** Our derivation as the server runs it (from the columnar store, ids interned at load). */
  serverDeriveBestMs: number;
  /** Its first run: the JIT compiling the derivation (a fresh derivation worker pays it). */
  serverDeriveFirstMs: number;
  /** Our derivation from records (ids interned inside the timing). */
  deriveBestMs: number;
  /** Union-find over the same edges as the CTE, on that bank. */
  unionFindComponents: number;
  /** CTE time ÷ serverDeriveBestMs (the target's figure); null when the CTE timed out. */
  serverRatio: number | null;
  /** CTE time ÷ deriveBestMs. */
  ratio: number | null;
  importMs?: number;
}

export interface BenchResults {
  command: string;
  args: BenchArgs;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    postgres: string;
    /** 1/5/15-minute load averages at the start and the end: other work on the machine skews figures. */
    loadAvgStart: number[];
    loadAvgEnd?: number[];
  };
  database: { embedded: boolean; name: string; reused: boolean };
  startedAt: string;
  finishedAt?: string;
  import?: ImportFigures;
  derivation?: DerivationFigures;
  server?: ServerFigures;
  sql?: SqlFigures;
  load?: LoadFigures[];
  /** Group-exposure requests for members of the largest group, sent one at a time. */
  largestGroupRequest?: { groupSize: number; latency: LatencySummary };
  /** The same for the sampled borrowers outside the largest group. */
  smallGroupRequest?: LatencySummary;
  writes?: WriteFigures;
  kinWrites?: KinWriteFigures;
  cte?: CteReference;
  /** Steps that failed or were stopped, with the reason: a finding, not a crash. */
  stopped: { step: string; reason: string }[];
}

export function saveResults(path: string, results: BenchResults): void {
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
