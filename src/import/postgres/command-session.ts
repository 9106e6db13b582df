/**
 * What the `import` and `export` commands share: config, a logger on stderr (stdout is the
 * command's result), the database (DATABASE_URL or the embedded default) migrated to date,
 * and a clean stop of the embedded server whatever happens.
 */
import pino, { type Logger } from 'pino';
import { loadConfig } from '../../config/env';
import { startDatabase } from '../../persistence/database-server';
import { migrate, openOrm, type Orm } from '../../persistence/orm';

export async function withMigratedDatabase<T>(
  work: (orm: Orm, log: Logger) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const log = pino({ level: config.logLevel }, pino.destination(2));
  const database = await startDatabase(config, log);
  try {
    const orm = await openOrm(database.url, { debug: config.logSql });
    try {
      await migrate(orm);
      return await work(orm, log);
    } finally {
      await orm.close(true);
    }
  } finally {
    await database.stop();
  }
}

/** `--actor NAME` from the arguments, else the operating-system user. */
export function actorFrom(args: readonly string[], osUser: () => string): string {
  const at = args.indexOf('--actor');
  if (at >= 0 && args[at + 1]) return args[at + 1];
  const inline = args.find((a) => a.startsWith('--actor='));
  if (inline) return inline.slice('--actor='.length);
  return `cli:${osUser()}`;
}
