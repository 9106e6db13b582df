/**
 * The bench's own PostgreSQL database: on the server named by DATABASE_URL, else on the
 * embedded PostgreSQL the app itself would start (its own data folder and port, so a
 * developer's `npm start` data is never touched). Created per run and dropped afterwards.
 */
import { Client } from 'pg';
import type { Logger } from 'pino';
import { loadConfig } from '../../src/config/env';
import { startDatabase } from '../../src/persistence/database-server';

export interface BenchServer {
  /** URL of the server's maintenance database. */
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function startBenchServer(log: Logger): Promise<BenchServer> {
  const config = loadConfig(process.env, { dataDir: '.data/bench', embeddedPort: 54349 });
  const server = await startDatabase(config, log);
  return { url: server.url, embedded: server.embedded, stop: () => server.stop() };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery<R extends object = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as R[];
  } finally {
    await client.end();
  }
}

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const rows = await adminQuery(serverUrl, 'select 1 from pg_database where datname = $1', [name]);
  return rows.length > 0;
}

/** A fresh database (an existing one of that name is dropped first). */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  assertName(name);
  await dropDatabase(serverUrl, name);
  await adminQuery(serverUrl, `create database ${name}`);
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  assertName(name);
  await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
}

/** Entities stored, or -1 when the schema is not there: tells whether a kept database is usable. */
export async function storedEntityCount(url: string): Promise<number> {
  try {
    const rows = await adminQuery<{ n: string }>(url, 'select count(*) as n from party');
    return Number(rows[0].n);
  } catch {
    return -1;
  }
}

function assertName(name: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench: bad database name "${name}"`);
}
