import type { EntityManager } from '@mikro-orm/postgresql';
import { Query, type QueryArrayConfig } from 'pg';
import { to as copyTo, type CopyToStreamQuery } from 'pg-copy-streams';
import type { CopyTextRows } from './copy-text';

/** The driver's client, for reads too large for records: rows streamed as arrays. */
export interface RawClient {
  query(query: Query | CopyToStreamQuery): unknown;
  query(sql: string): Promise<unknown>;
}

interface KnexClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/**
 * Runs `read` on the connection of `em`'s transaction when it has one, else on a pooled
 * connection (given back afterwards). `inTransaction` tells which.
 */
export async function withRawClient<T>(
  em: EntityManager,
  read: (client: RawClient, inTransaction: boolean) => Promise<T>,
): Promise<T> {
  const trx = em.getTransactionContext<{ client: KnexClient }>();
  const knex: KnexClient = trx ? trx.client : em.getConnection().getKnex().client;
  const client = (await knex.acquireConnection()) as RawClient;
  try {
    return await read(client, trx !== undefined);
  } finally {
    await knex.releaseConnection(client);
  }
}

/** Streams the rows of `sql` to `onRow` one at a time, as arrays in select order. */
export function streamRows(
  client: RawClient,
  sql: string,
  onRow: (values: unknown[]) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const config: QueryArrayConfig = { text: sql, rowMode: 'array' };
    const query = new Query(config);
    let failed: unknown;
    query.on('row', (values: unknown[]) => {
      if (failed !== undefined) return;
      try {
        onRow(values);
      } catch (err) {
        failed = err;
      }
    });
    query.on('end', () => (failed === undefined ? resolve() : reject(failed)));
    query.on('error', reject);
    client.query(query);
  });
}

/**
 * Feeds the output of `COPY (sql) TO STDOUT` (text format) to `rows`, which cuts it into
 * rows. For the largest reads: no per-row, per-type parsing in the driver.
 */
export function copyRows(client: RawClient, sql: string, rows: CopyTextRows): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed: unknown;
    const stream = copyTo(`copy (${sql}) to stdout`);
    // On a failure the rest is drained, not cut off: the connection stays usable.
    stream.on('data', (chunk: Buffer) => {
      if (failed !== undefined) return;
      try {
        rows.push(chunk);
      } catch (err) {
        failed = err;
      }
    });
    stream.on('end', () => {
      if (failed === undefined) {
        try {
          rows.end();
        } catch (err) {
          failed = err;
        }
      }
      if (failed === undefined) resolve();
      else reject(failed);
    });
    stream.on('error', reject);
    client.query(stream);
  });
}
