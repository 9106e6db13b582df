/**
 * The only place that reads process.env. Every setting has a default so `npm start` works on
 * a fresh machine; README lists each variable.
 */
export interface AppConfig {
  /** HTTP port of the GraphQL server. */
  port: number;
  /** PostgreSQL URL; null means "start the embedded PostgreSQL under dataDir". */
  databaseUrl: string | null;
  /** Where the embedded PostgreSQL keeps its files. */
  dataDir: string;
  /** Port of the embedded PostgreSQL. */
  embeddedPort: number;
  /** Load the demo bank from seeds/ when the database is empty. */
  seedDemo: boolean;
  logLevel: string;
  /** SQL statement logging (debug aid). */
  logSql: boolean;
  /** Re-derive the whole bank in a worker thread, so requests keep being answered. */
  derivationWorker: boolean;
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<AppConfig> = {},
): AppConfig {
  const defaults: AppConfig = {
    port: intOr(env.PORT, 4000),
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: env.DATA_DIR?.trim() || '.data',
    embeddedPort: intOr(env.EMBEDDED_PG_PORT, 54329),
    seedDemo: env.SEED_DEMO !== 'false',
    logLevel: env.LOG_LEVEL?.trim() || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    logSql: env.LOG_SQL === 'true',
    derivationWorker: env.DERIVATION_WORKER !== 'false',
  };
  return { ...defaults, ...overrides };
}

function intOr(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`Expected a positive integer, got "${value}"`);
  return n;
}
