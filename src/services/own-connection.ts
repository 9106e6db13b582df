import { Client } from 'pg';
import type { Logger } from 'pino';

/**
 * A connection the server keeps for itself, open, under an application_name (`purpose`) an
 * operator, or a test, can tell from the pool's connections by.
 */
export async function openOwnConnection(url: string, purpose: string): Promise<Client> {
  const client = new Client({
    connectionString: url,
    application_name: `group-exposure: ${purpose}`,
  });
  await client.connect();
  return client;
}

/**
 * Reports the end of a connection the server keeps for itself (its claim on the database,
 * the graph-change listener): an error naming what to do while the server serves, a note
 * while it stops, because the embedded PostgreSQL stops on the same signal and may end the
 * connection before the server lets go of it.
 */
export function reportConnectionLoss(
  client: Client,
  log: Logger,
  stopping: () => boolean,
  what: string,
  lostMessage: string,
): void {
  client.on('error', (err) => {
    if (stopping()) log.info({ err }, `${what}: ended by the database while this server stops`);
    else log.error({ err }, lostMessage);
  });
}
