import type { Logger } from 'pino';
import { openOwnConnection, reportConnectionLoss } from './own-connection';

/**
 * The key of the session advisory lock an API server holds on its database for as long as it
 * runs. Any 64-bit number would do; this one spells "GRPEXPOS" so that it is recognisable in
 * `pg_locks`.
 */
export const API_SERVER_LOCK_KEY = '5139535045585053';

/** Thrown when another API server already serves the database. */
export class DatabaseClaimedError extends Error {
  readonly code = 'DATABASE_CLAIMED';
}

/**
 * Claims the database for this API server, or refuses to start.
 *
 * A server keeps the dated graph and today's groups in memory and re-derives them on its own
 * writes; a second server writing to the same database would neither see those writes nor
 * serialise its own with them, and each would persist memberships derived from a stale graph.
 * Bulk imports (`npm run import`) are another matter: they notify the server, which reloads.
 * The claim is a session advisory lock on a connection of its own, so it ends with the
 * process even when the process dies. Returns the release function.
 */
export async function claimDatabase(
  url: string,
  log: Logger,
  stopping: () => boolean = () => false,
): Promise<() => Promise<void>> {
  const client = await openOwnConnection(url, 'database claim');
  try {
    const { rows } = await client.query<{ claimed: boolean }>(
      'select pg_try_advisory_lock($1::bigint) as claimed',
      [API_SERVER_LOCK_KEY],
    );
    if (!rows[0].claimed) {
      throw new DatabaseClaimedError(
        'another API server is already serving this database (it holds advisory lock ' +
          `${API_SERVER_LOCK_KEY}; see pg_locks): run one API server per database, or stop ` +
          'the other one first',
      );
    }
  } catch (err) {
    await client.end();
    throw err;
  }
  // The claim ends with its connection (a database restart ends every connection, and the
  // server's own pool with it): say so loudly, an operator must restart the server.
  reportConnectionLoss(
    client,
    log,
    stopping,
    'the claim on the database',
    'lost the claim on the database: restart this API server',
  );
  return () => client.end();
}
