import { Client } from 'pg';
import pino from 'pino';
import { loadConfig } from '../../src/config/env';
import { startDatabase } from '../../src/persistence/database-server';
import { migrate, openOrm } from '../../src/persistence/orm';

/**
 * One PostgreSQL for the whole run (DATABASE_URL, else the embedded one), migrated once into
 * a template database; every test file then clones the template into a fresh database of its
 * own (test/support/test-database.ts), so files run in parallel without sharing rows.
 */
export default async function globalSetup(): Promise<void> {
  const config = loadConfig(process.env, {
    dataDir: '.data/test',
    embeddedPort: 54339,
    logLevel: 'silent',
  });
  const server = await startDatabase(config, pino({ level: 'silent' }));
  const template = `ge_template_${process.pid}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  await admin.end();

  const orm = await openOrm(withDatabase(server.url, template));
  await migrate(orm);
  await orm.close(true);
  forgetOrmGlobals();

  process.env.TEST_PG_URL = server.url;
  process.env.TEST_PG_TEMPLATE = template;
  (globalThis as Record<string, unknown>).__TEST_DB_SERVER__ = server;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * MikroORM keeps its decorator metadata on `globalThis`; jest runs in-band files in this same
 * process, and a test file's own copy of MikroORM must not meet the one loaded here.
 */
function forgetOrmGlobals(): void {
  for (const key of Object.keys(globalThis)) {
    if (key.startsWith('mikro-orm-')) delete (globalThis as Record<string, unknown>)[key];
  }
}
