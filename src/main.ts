import './production-mode';
import 'reflect-metadata';
import pino from 'pino';
import { loadConfig } from './config/env';
import { startDatabase } from './persistence/database-server';
import { migrate, openOrm } from './persistence/orm';
import { startServer } from './server';
import { startAppServices } from './services/app-services';
import { seedDemoIfEmpty } from './services/demo-seed.service';
import { deriveInWorker, workerAvailable } from './services/derivation/full-derivation';

/** Start-up: config → database (DATABASE_URL or embedded) → migrations → demo data → HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const database = await startDatabase(config, log);
  const orm = await openOrm(database.url, { debug: config.logSql });
  await migrate(orm);
  if (config.seedDemo) await seedDemoIfEmpty(orm, log);

  const fullDerivation =
    config.derivationWorker && workerAvailable() ? deriveInWorker() : undefined;
  let stopping = false;
  const app = await startAppServices(orm, log, { fullDerivation, stopping: () => stopping });
  const server = await startServer(app, config.port, log);
  log.info({ url: server.url, embeddedDatabase: database.embedded }, 'GraphQL server ready');

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await server.stop();
    await orm.close(true);
    await database.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`start-up failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
