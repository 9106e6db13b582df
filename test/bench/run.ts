/**
 * `npm run bench -- --entities N`: the bank-scale benchmark, every figure in one run.
 *
 *  1. generate a synthetic bank and import it (real importer) into a fresh database
 *  2. load the graph from PostgreSQL, derive every group; union-find floor on the same graph
 *  3. the recursive-CTE reference at 100 k (before any write changes the bank)
 *  4. server process: first start, then a cold restart (fork → serving), RSS and heap
 *  5. statements per group-exposure request; load runs (own process) vs `{ __typename }`
 *  6. random edge inserts and removals through the real write path, p50/p99; then kinship
 *     ties inserted and ended (writes that re-derive whole groups)
 * Prints a table (figure, value, target, verdict) and writes bench-results.json after every
 * step. A step that fails or hits its time limit is recorded and the run moves on.
 */
import 'reflect-metadata';
import { cpus, loadavg, totalmem } from 'node:os';
import pino from 'pino';
import { Rng } from '../../seeds/synthetic/rng';
import { parseBenchArgs, USAGE, type BenchArgs } from './bench-args';
import * as db from './bench-database';
import { saveResults, type BenchResults } from './bench-results';
import { cteReference } from './cte-step';
import { derivationStep, largestGroupOf } from './derivation-step';
import { BENCH_AS_OF, generateAndImport } from './import-step';
import { formatTable, reportRows } from './report-table';
import { round } from './timing';
import type { ServerHandle } from './server-handle';
import { measureRequests, measureWrites, startAndRestart, type LoadTargets } from './server-steps';
import { planKinWrites, type KinWritePlan } from './kin-write-plan';
import { planWrites, type WritePlan } from './write-plan';

async function main(args: BenchArgs): Promise<BenchResults> {
  const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  const server = await db.startBenchServer(log);
  const name = `bench_${args.entities}_s${args.seed}`;
  const url = db.withDatabase(server.url, name);
  const reused =
    args.reuseDb &&
    (await db.databaseExists(server.url, name)) &&
    (await db.storedEntityCount(url)) === args.entities;
  const version = await db.adminQuery<{ v: string }>(
    server.url,
    `select current_setting('server_version') as v`,
  );
  const results: BenchResults = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    args,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      postgres: version[0].v,
      loadAvgStart: loadavg().map((x) => round(x)),
    },
    database: { embedded: server.embedded, name, reused },
    startedAt: new Date().toISOString(),
    stopped: [],
  };
  const save = () => saveResults(args.out, results);
  const step = async (label: string, work: () => Promise<void>): Promise<boolean> => {
    progress(`${label} …`);
    try {
      await work();
      return true;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      results.stopped.push({ step: label, reason });
      progress(`${label} stopped: ${reason}`);
      return false;
    } finally {
      save();
    }
  };

  let child: ServerHandle | undefined;
  try {
    if (!reused) {
      await db.createDatabase(server.url, name);
      const ok = await step('generate + import', async () => {
        results.import = await generateAndImport(url, args.entities, args.seed);
      });
      if (!ok) return results;
    }
    let plan: WritePlan | undefined;
    let kinPlan: KinWritePlan | undefined;
    let targets: LoadTargets | undefined;
    let majorityComponents = 0;
    await step('load graph + full derivation', async () => {
      const d = await derivationStep(url, BENCH_AS_OF, args.stepLimitS);
      results.derivation = d.figures;
      majorityComponents = d.figures.unionFind[1].components;
      const largest = largestGroupOf(d.derivation);
      const idPrefix = `BENCH${Date.now().toString(36)}`;
      plan = planWrites(d.graph, largest, BENCH_AS_OF, {
        count: args.writes,
        largestShare: args.largestGroupShare,
        seed: args.seed,
        idPrefix,
        warmUp: args.warmUpWrites,
      });
      kinPlan = planKinWrites(d.graph, BENCH_AS_OF, plan, {
        count: args.kinWrites,
        seed: args.seed,
        idPrefix,
      });
      targets = await loadTargets(url, args.seed, d.derivation, largest);
    });
    global.gc?.(); // the graph and derivation above are garbage from here on

    if (args.cteEntities > 0 && results.derivation) {
      await step(`recursive CTE at ${args.cteEntities}`, async () => {
        results.cte = await cteReference(
          {
            serverUrl: server.url,
            runUrl: url,
            runEntities: args.entities,
            entities: args.cteEntities,
            seed: args.seed,
            asOf: BENCH_AS_OF,
            timeoutS: args.cteTimeoutS,
            keepDb: args.keepDb,
          },
          {
            serverDeriveBestMs: results.derivation!.fromStore.deriveBestMs,
            serverDeriveFirstMs: results.derivation!.fromStore.deriveRunsMs[0],
            deriveBestMs: results.derivation!.deriveBestMs,
            majorityComponents,
          },
        );
      });
    }
    if (
      plan &&
      kinPlan &&
      targets &&
      (await step('server start + cold restart', async () => {
        child = await startAndRestart(results, args, { databaseUrl: url, today: BENCH_AS_OF });
      }))
    ) {
      await step('GraphQL statements + load', () =>
        measureRequests(results, args, child!, targets!),
      );
      await step('incremental writes', () => measureWrites(results, args, child!, plan!, kinPlan!));
    }
    await child?.stop();
    child = undefined;

    return results;
  } finally {
    await child?.stop();
    if (!args.keepDb) await db.dropDatabase(server.url, name);
    await server.stop();
    results.finishedAt = new Date().toISOString();
    results.machine.loadAvgEnd = loadavg().map((x) => round(x));
    save();
  }
}

/** 500 random borrowers (entities with facilities) and the largest group's members. */
async function loadTargets(
  url: string,
  seed: number,
  derivation: { groups: { memberIds: string[] }[]; groupIndexOf: Map<string, number> },
  largest: ReadonlySet<string>,
): Promise<LoadTargets> {
  const rows = await db.adminQuery<{ id: string }>(
    url,
    'select distinct borrower_id as id from facility order by borrower_id',
  );
  const sizeOf = (id: string) =>
    derivation.groups[derivation.groupIndexOf.get(id)!].memberIds.length;
  const rng = new Rng(seed + 7);
  const ids = rows.map((r) => r.id);
  const borrowers: string[] = [];
  for (let i = 0; i < 500 && ids.length > 0; i++) borrowers.push(ids[rng.int(0, ids.length - 1)]);
  const lent = new Set(ids);
  const members = [...largest].sort((a, b) => Number(lent.has(b)) - Number(lent.has(a)));
  const tag = (id: string) => ({ entityId: id, groupSize: sizeOf(id) });
  return { borrowers: borrowers.map(tag), largest: members.slice(0, 100).map(tag) };
}

function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

let parsed: BenchArgs;
try {
  parsed = parseBenchArgs(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
  process.exit(2);
}
main(parsed).then(
  (results) => {
    process.stdout.write(`\n${formatTable(reportRows(results))}\n\nresults: ${parsed.out}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
