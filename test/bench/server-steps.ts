/**
 * Steps 3–6, against the server process: first start and cold restart, statements per
 * request, the load runs, then the incremental writes (last: they change the bank).
 */
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchArgs } from './bench-args';
import type { BenchResults, WriteFigures } from './bench-results';
import { groupExposureBody, loadRuns, SMALL_GROUP, statementsPerRequest } from './load-step';
import { startServerProcess, type ServerHandle } from './server-handle';
import { deadline, since, summarize } from './timing';
import type { WriteOp, WriteRun, WriteSample } from './write-latency';
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
): Promise<void> {
  await settle(server, args.stepLimitS);
  const run: WriteRun = { inserts: [], removals: [], timedOut: false };
  // Half the time for each kind, so a slow insert phase still leaves removals measured; a
  // write still running when the time is up ends the step (the server is busy with it).
  const phases: [WriteSample[], WriteOp[]][] = [
    [run.inserts, plan.inserts.map((item) => ({ kind: 'insert', item }))],
    [run.removals, plan.removals.map((item) => ({ kind: 'removal', item }))],
  ];
  for (const [samples, ops] of phases) {
    const end = performance.now() + (args.stepLimitS / 2) * 1000;
    for (const op of ops) {
      const leftS = (end - performance.now()) / 1000;
      if (leftS <= 0) {
        run.timedOut = true;
        break;
      }
      try {
        samples.push((await server.request({ type: 'write', op }, 'written', leftS + 5)).sample);
      } catch (err) {
        run.timedOut = true;
        results.writes = writeFigures(plan, run);
        throw err;
      }
    }
  }
  results.writes = writeFigures(plan, run);
  results.server!.memoryAfterWrites = (
    await server.request({ type: 'memory' }, 'memory', 60)
  ).memory;
}

function writeFigures(plan: WritePlan, run: WriteRun): WriteFigures {
  const ok = (xs: WriteSample[]) => xs.filter((x) => x.ok);
  const times = (xs: WriteSample[]) => ok(xs).map((x) => x.ms);
  const inside = (xs: WriteSample[]) => xs.filter((x) => x.inLargest);
  const outside = (xs: WriteSample[]) => xs.filter((x) => !x.inLargest);
  const all = [...run.inserts, ...run.removals];
  const scopes = all.map((x) => x.scope).sort((a, b) => a - b);
  const failed = all.filter((x) => !x.ok);
  return {
    planned: {
      inserts: plan.inserts.length,
      removals: plan.removals.length,
      insertsInLargest: plan.inserts.filter((p) => p.inLargest).length,
      removalsInLargest: plan.removals.filter((p) => p.inLargest).length,
    },
    timedOut: run.timedOut,
    failures: {
      inserts: run.inserts.length - ok(run.inserts).length,
      removals: run.removals.length - ok(run.removals).length,
      examples: [...new Set(failed.map((x) => x.error ?? ''))].slice(0, 5),
    },
    insert: summarize(times(run.inserts)),
    insertInLargest: summarize(times(inside(run.inserts))),
    insertOutside: summarize(times(outside(run.inserts))),
    removal: summarize(times(run.removals)),
    removalInLargest: summarize(times(inside(run.removals))),
    removalOutside: summarize(times(outside(run.removals))),
    scopeMax: scopes.length ? scopes[scopes.length - 1] : 0,
    scopeMedian: scopes.length ? scopes[Math.floor(scopes.length / 2)] : 0,
    groupSizeMax: all.reduce((m, x) => Math.max(m, x.groupSize), 0),
  };
}
