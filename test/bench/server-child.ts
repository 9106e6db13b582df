/**
 * The GraphQL server under test, in a process of its own (forked by server-handle.ts) so its
 * memory is its own and the load generator does not share its event loop. Starts as
 * src/main.ts does — ORM, migrations, app services (load the graph, derive every group, in
 * the derivation worker when main.ts would use it), HTTP — with "today" fixed to the
 * synthetic bank's date and no demo seeding, then answers the bench over IPC.
 *
 * SQL statements are counted at the driver (pg.Client#query), which sees every statement
 * whichever layer sent it (MikroORM, its knex, raw) and costs one increment, so counting
 * stays on during the load runs without slowing them.
 */
import '../../src/production-mode';
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import pino from 'pino';
import { loadConfig } from '../../src/config/env';
import { migrate, openOrm } from '../../src/persistence/orm';
import { startServer } from '../../src/server';
import { startAppServices } from '../../src/services/app-services';
import { deriveInWorker, workerAvailable } from '../../src/services/derivation/full-derivation';
import { memorySnapshot, round, type PeakSample } from './timing';
import { writeOne } from './write-latency';
import type { ChildReply, ChildRequest } from './server-protocol';

let statements = 0;
const originalQuery = Client.prototype.query;
Client.prototype.query = function countedQuery(this: Client, ...args: unknown[]) {
  statements++;
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

/**
 * RSS sampled every 100 ms, the highest kept with the heap at that moment, so the report can
 * tell a derivation's typed arrays (external) from garbage the heap grew to hold.
 */
const peak: PeakSample = {
  rssMb: 0,
  heapTotalMb: 0,
  heapUsedMb: 0,
  externalMb: 0,
  atS: 0,
  during: 'start',
};
let during = 'start';
setInterval(() => {
  const m = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  if (mb(m.rss) <= peak.rssMb) return;
  Object.assign(peak, {
    rssMb: mb(m.rss),
    heapTotalMb: mb(m.heapTotal),
    heapUsedMb: mb(m.heapUsed),
    externalMb: mb(m.external + m.arrayBuffers),
    atS: round(performance.now() / 1000, 1),
    during,
  });
}, 100).unref();

const withPeak = () => ({ ...memorySnapshot(), peak: { ...peak } });

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const today = process.env.BENCH_TODAY;
  if (!url || !today || !process.send)
    throw new Error('server-child: run me through server-handle');
  const send = (reply: ChildReply) => process.send!(reply);
  const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  const phase: Record<string, number> = { modulesLoaded: round(performance.now()) };
  let t = performance.now();
  const orm = await openOrm(url);
  await migrate(orm);
  phase.ormAndMigrateMs = round(performance.now() - t);
  t = performance.now();
  // As main.ts: the whole-bank derivation in a worker thread unless DERIVATION_WORKER=false.
  const fullDerivation =
    loadConfig().derivationWorker && workerAvailable() ? deriveInWorker() : undefined;
  phase.derivationWorker = fullDerivation ? 1 : 0;
  const app = await startAppServices(orm, log, { today: () => today, fullDerivation });
  phase.loadAndDeriveMs = round(performance.now() - t);
  t = performance.now();
  const server = await startServer(app, 0, log);
  phase.httpMs = round(performance.now() - t);
  phase.sinceProcessStartMs = round(performance.now());

  const stop = async () => {
    await server.stop();
    await orm.close(true);
  };
  process.on('message', (request: ChildRequest) => {
    void handle(request).then(send, (err: unknown) =>
      send({
        type: 'error',
        message: err instanceof Error ? (err.stack ?? err.message) : String(err),
      }),
    );
  });

  async function handle(request: ChildRequest): Promise<ChildReply> {
    during = request.type === 'write' ? `write ${request.op.kind}` : request.type;
    switch (request.type) {
      case 'memory':
        return { type: 'memory', memory: withPeak() };
      case 'statements':
        return { type: 'statements', count: statements };
      case 'gc':
        global.gc?.();
        return { type: 'memory', memory: withPeak() };
      case 'write':
        return { type: 'written', sample: await writeOne(app, request.op) };
      case 'stop':
        await stop();
        setImmediate(() => process.exit(0));
        return { type: 'stopped' };
    }
  }

  // The server listens on every interface; the bench talks to it on loopback only.
  const loopback = new URL(server.url);
  loopback.hostname = '127.0.0.1';
  send({
    type: 'ready',
    url: loopback.toString(),
    phases: phase,
    memory: withPeak(),
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`server-child: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
