/** Streams a file's records into a table with `COPY … FROM STDIN` on the transaction's connection. */
import type { Knex } from '@mikro-orm/postgresql';
import type { ClientBase } from 'pg';
import { COPY_CHUNK_ROWS, copyIn } from '../../persistence/repositories/copy-in';
import type { ColumnSpec } from './table-specs';

export { COPY_CHUNK_ROWS, copyValue } from '../../persistence/repositories/copy-in';

export async function copyRows<T>(
  trx: Knex.Transaction,
  table: string,
  columns: readonly ColumnSpec<T>[],
  rows: readonly T[],
  chunkRows = COPY_CHUNK_ROWS,
): Promise<void> {
  const client = (await trx.client.acquireConnection()) as ClientBase;
  const names = columns.map((c) => c.db);
  await copyIn(client, table, names, rows, (row, c) => columns[c].get(row), chunkRows);
}
