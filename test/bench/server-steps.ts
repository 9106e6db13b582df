/**
 * Steps 3–6, against the server process: first start and cold restart, statements per
 * request, the load runs, then the incremental writes (last: they change the bank): stakes,
 * then kinship ties (whole-group writes).
 */
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchArgs } from './bench-args';
import type { BenchResults, KinWriteFigures, WriteFigures } from './bench-results';
import type { KinWritePlan } from './kin-write-plan';
import { groupExposureBody, loadRuns, SMALL_GROUP, statementsPerRequest } from './load-step';
import { startServerProcess, type ServerHandle } from './server-handle';
import { deadline, round, since, summarize } from './timing';
import type { KinWriteRun, WriteOp, WriteRun, WriteSample } from './write-latency';
import type { WritePlan } from './write-plan';

export interface LoadTargets {
  /** Entities with facilities, sampled at random, and their group sizes. */
  borrowers: { entityId: string; groupSize: number }[];
  /** Members of the largest group (borrowers first). */
  largest: { entityId: string; groupSize: number }[];
}

export async function startAndRestart(
  results: BenchResults,
  args: BenchArgs,
  options: { databaseUrl: string; today: string },
): Promise<ServerHandle> {
  const logPath = join(dirname(resolve(args.out)), 'bench-server.log');
  const common = { ...options, readyTimeoutS: args.stepLimitS, profileDir: null, logPath };
  const first = await startServerProcess(common);
  const firstStartMs = first.coldStartMs;
  await first.stop();
  const server = await startServerProcess({ ...common, profileDir: args.profileDir });
  const memoryReady = (await server.request({ type: 'gc' }, 'memory', 60)).memory;
  results.server = {
    firstStartMs,
    coldStartMs: server.coldStartMs,
    phases: server.ready.phases,
    memoryReady,
  };
  return server;
}

export async function measureRequests(
  results: BenchResults,
  args: BenchArgs,
  server: ServerHandle,
  targets: LoadTargets,
): Promise<void> {
  const samples = [...targets.borrowers.slice(0, 20), ...targets.largest.slice(0, 10)];
  const counts = await statementsPerRequest(server, samples, args.stepLimitS);
  const seen = new Set<string>();
  const first = counts.filter((c) => {
    const fresh = !seen.has(c.groupId);
    seen.add(c.groupId);
    return fresh;
  });
  const n = first.map((c) => c.statements);
  const cached = counts.map((c) => c.repeated);
  const [min, max] = [Math.min(...n), Math.max(...n)];
  const [cachedMin, cachedMax] = [Math.min(...cached), Math.max(...cached)];
  const constant = min === max && cachedMin === cachedMax;
  results.sql = { samples: counts, min, max, cachedMin, cachedMax, constant };

  const largest = counts.filter((c) => c.groupSize === targets.largest[0]?.groupSize);
  results.largestGroupRequest = {
    groupSize: targets.largest[0]?.groupSize ?? 0,
    latency: summarize(largest.map((c) => c.ms)),
  };
  results.smallGroupRequest = summarize(
    counts.filter((c) => !largest.includes(c)).map((c) => c.ms),
  );

  const bodies = {
    all: targets.borrowers.map((b) => groupExposureBody(b.entityId)),
    small: targets.borrowers
      .filter((b) => b.groupSize <= SMALL_GROUP)
      .map((b) => groupExposureBody(b.entityId)),
  };
  const idle = () => settle(server, args.stepLimitS);
  results.load = await loadRuns(idle, server.url, bodies, args.connections, args.durationS);
  results.server!.memoryAfterLoad = (await server.request({ type: 'memory' }, 'memory', 60)).memory;
}

/**
 * Waits until the server's event loop answers at once: requests a load run left in flight
 * must not be billed to what is measured next. Gives up after `limitS`.
 */
async function settle(server: ServerHandle, limitS = 300): Promise<void> {
  const until = deadline(limitS);
  while (!until.expired()) {
    const start = performance.now();
    await server.request({ type: 'memory' }, 'memory', limitS);
    if (since(start) < 20) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function measureWrites(
  results: BenchResults,
  args: BenchArgs,
  server: ServerHandle,
  plan: WritePlan,
  kin: KinWritePlan,
): Promise<void> {
  await settle(server, args.stepLimitS);
  // Half the time for each kind, so a slow insert phase still leaves removals measured; a
  // write still running when the time is up ends the step (the server is busy with it). The
  // kinship writes get the same half per kind, after the stakes: at most twice the limit.
  const budgetS = args.stepLimitS / 2;
  const run: WriteRun = { warmUp: [], inserts: [], removals: [], timedOut: false };
  try {
    const warmUp = plan.warmUp.map((item): WriteOp => ({ kind: 'insert', item }));
    run.timedOut = await writePhase(server, warmUp, budgetS, run.warmUp);
    const inserts = plan.inserts.map((item): WriteOp => ({ kind: 'insert', item }));
    const removals = plan.removals.map((item): WriteOp => ({ kind: 'removal', item }));
    run.timedOut = (await writePhase(server, inserts, budgetS, run.inserts)) || run.timedOut;
    run.timedOut = (await writePhase(server, removals, budgetS, run.removals)) || run.timedOut;
  } catch (err) {
    run.timedOut = true;
    throw err;
  } finally {
    results.writes = writeFigures(plan, run);
  }
  if (kin.ties.length > 0) await measureKinWrites(results, server, kin, budgetS);
  results.server!.memoryAfterWrites = (
    await server.request({ type: 'memory' }, 'memory', 60)
  ).memory;
}

/** FAMILY_TIE inserts, then the ends of the ties written, so the bank is back to its shape. */
async function measureKinWrites(
  results: BenchResults,
  server: ServerHandle,
  kin: KinWritePlan,
  budgetS: number,
): Promise<void> {
  const run: KinWriteRun = { inserts: [], ends: [], timedOut: false };
  try {
    const ties = kin.ties.map((item): WriteOp => ({ kind: 'tie', item }));
    run.timedOut = await writePhase(server, ties, budgetS, run.inserts);
    // Samples come back in plan order: end only the ties that were written.
    const ends = kin.ends
      .filter((_, i) => run.inserts[i]?.ok)
      .map((item): WriteOp => ({ kind: 'tieEnd', item }));
    run.timedOut = (await writePhase(server, ends, budgetS, run.ends)) || run.timedOut;
  } catch (err) {
    run.timedOut = true;
    throw err;
  } finally {
    results.kinWrites = kinWriteFigures(kin, run);
  }
}

/**
 * One kind of write, one at a time, until done or `budgetS` is spent: true when the time
 * stopped it. A write that outlives the budget (plus a grace) throws, ending the step.
 */
async function writePhase(
  server: ServerHandle,
  ops: readonly WriteOp[],
  budgetS: number,
  samples: WriteSample[],
): Promise<boolean> {
  const end = performance.now() + budgetS * 1000;
  for (const op of ops) {
    const leftS = (end - performance.now()) / 1000;
    if (leftS <= 0) return true;
    samples.push((await server.request({ type: 'write', op }, 'written', leftS + 5)).sample);
  }
  return false;
}

const ok = (xs: readonly WriteSample[]) => xs.filter((x) => x.ok);
const okTimes = (xs: readonly WriteSample[]) => ok(xs).map((x) => x.ms);
const errorExamples = (xs: readonly WriteSample[]) =>
  [...new Set(xs.filter((x) => !x.ok).map((x) => x.error ?? ''))].slice(0, 5);
const groupSizeMax = (xs: readonly WriteSample[]) =>
  xs.reduce((m, x) => Math.max(m, x.groupSize), 0);

/** Entities re-derived per write: largest and median. */
function scopeFigures(xs: readonly WriteSample[]): { scopeMax: number; scopeMedian: number } {
  const scopes = xs.map((x) => x.scope).sort((a, b) => a - b);
  return {
    scopeMax: scopes.length ? scopes[scopes.length - 1] : 0,
    scopeMedian: scopes.length ? scopes[Math.floor(scopes.length / 2)] : 0,
  };
}

function writeFigures(plan: WritePlan, run: WriteRun): WriteFigures {
  const inside = (xs: WriteSample[]) => xs.filter((x) => x.inLargest);
  const outside = (xs: WriteSample[]) => xs.filter((x) => !x.inLargest);
  const all = [...run.inserts, ...run.removals];
  return {
    planned: {
      inserts: plan.inserts.length,
      removals: plan.removals.length,
      insertsInLargest: plan.inserts.filter((p) => p.inLargest).length,
      removalsInLargest: plan.removals.filter((p) => p.inLargest).length,
    },
    timedOut: run.timedOut,
    failures: {
      inserts: run.warmUp.length + run.inserts.length - ok([...run.warmUp, ...run.inserts]).length,
      removals: run.removals.length - ok(run.removals).length,
      examples: errorExamples([...run.warmUp, ...all]),
    },
    warmUp: summarize(okTimes(run.warmUp)),
    insert: summarize(okTimes(run.inserts)),
    insertInLargest: summarize(okTimes(inside(run.inserts))),
    insertOutside: summarize(okTimes(outside(run.inserts))),
    removal: summarize(okTimes(run.removals)),
    removalInLargest: summarize(okTimes(inside(run.removals))),
    removalOutside: summarize(okTimes(outside(run.removals))),
    ...scopeFigures(all),
    groupSizeMax: groupSizeMax(all),
    slowest: slowestFigures(ok(all)),
  };
}

/** The slowest 1 % of `xs` (one at least): how much of their time the collector took. */
function slowestFigures(xs: readonly WriteSample[]): WriteFigures['slowest'] {
  const slow = [...xs]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, Math.max(1, Math.ceil(xs.length / 100)));
  const mean = (f: (x: WriteSample) => number) =>
    slow.length ? round(slow.reduce((sum, x) => sum + f(x), 0) / slow.length) : 0;
  return {
    count: xs.length ? slow.length : 0,
    meanMs: mean((x) => x.ms),
    meanGcMs: mean((x) => x.gcMs),
    withGc: slow.filter((x) => x.gcMs > 0).length,
  };
}

function kinWriteFigures(plan: KinWritePlan, run: KinWriteRun): KinWriteFigures {
  const all = [...run.inserts, ...run.ends];
  // A failed write leaves the engine's last-write scope and path as the write before it.
  const done = ok(all);
  const paths: Record<string, number> = { downstream: 0, groups: 0, component: 0, bank: 0 };
  for (const x of done) paths[x.path || 'none'] = (paths[x.path || 'none'] ?? 0) + 1;
  return {
    planned: plan.ties.length,
    eligiblePersons: plan.eligiblePersons,
    timedOut: run.timedOut,
    failures: {
      inserts: run.inserts.length - ok(run.inserts).length,
      ends: run.ends.length - ok(run.ends).length,
      examples: errorExamples(all),
    },
    insert: summarize(okTimes(run.inserts)),
    end: summarize(okTimes(run.ends)),
    ...scopeFigures(done),
    paths,
    groupSizeMax: groupSizeMax(done),
  };
}
