/**
 * Steps 3–6, against the server process: first start and cold restart, statements per
 * request, the load runs, then the incremental writes (last: they change the bank).
 */
import type { BenchArgs } from './bench-args';
import type { BenchResults, WriteFigures } from './bench-results';
import { groupExposureBody, loadRuns, runLoad, statementsPerRequest } from './load-step';
import { startServerProcess, type ServerHandle } from './server-handle';
import { summarize } from './timing';
import type { WriteRun, WriteSample } from './write-latency';
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
  const common = { ...options, readyTimeoutS: args.stepLimitS, profileDir: null };
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
  const samples = [...targets.borrowers.slice(0, 10), ...targets.largest.slice(0, 10)];
  const counts = await statementsPerRequest(server, samples, args.stepLimitS);
  const n = counts.map((c) => c.statements);
  const min = Math.min(...n);
  const max = Math.max(...n);
  results.sql = { samples: counts, min, max, constant: min === max };

  const bodies = targets.borrowers.map((b) => groupExposureBody(b.entityId));
  results.load = await loadRuns(server.url, bodies, args.connections, args.durationS);
  const largestBodies = targets.largest.slice(0, 50).map((b) => groupExposureBody(b.entityId));
  results.largestGroupLoad = await runLoad({
    url: server.url,
    bodies: largestBodies,
    connections: args.connections[0],
    warmupS: 1,
    durationS: Math.min(args.durationS, 5),
  });
  results.server!.memoryAfterLoad = (await server.request({ type: 'memory' }, 'memory', 60)).memory;
}

export async function measureWrites(
  results: BenchResults,
  args: BenchArgs,
  server: ServerHandle,
  plan: WritePlan,
): Promise<void> {
  const reply = await server.request(
    { type: 'writes', plan, limitS: args.stepLimitS },
    'writes',
    args.stepLimitS + 120,
  );
  results.writes = writeFigures(plan, reply.run);
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
