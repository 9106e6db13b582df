/**
 * Streams records into a table with `COPY … FROM STDIN` (text format) on the transaction's own
 * connection: PostgreSQL parses a tab-separated line far faster than it binds an array
 * literal, and node-postgres has no COPY of its own, hence pg-copy-streams. Rows go out in
 * chunks with the stream's backpressure, so the encoding of one chunk overlaps the server's
 * work on the previous one.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Knex } from '@mikro-orm/postgresql';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ColumnSpec } from './table-specs';

export const COPY_CHUNK_ROWS = 5000;

export async function copyRows<T>(
  trx: Knex.Transaction,
  table: string,
  columns: readonly ColumnSpec<T>[],
  rows: readonly T[],
  chunkRows = COPY_CHUNK_ROWS,
): Promise<void> {
  const client = (await trx.client.acquireConnection()) as ClientBase;
  const names = columns.map((c) => c.db).join(', ');
  const stream = client.query(copyFrom(`copy ${table} (${names}) from stdin`));
  await pipeline(Readable.from(chunks(columns, rows, Math.max(1, chunkRows))), stream);
}

function* chunks<T>(
  columns: readonly ColumnSpec<T>[],
  rows: readonly T[],
  chunkRows: number,
): Generator<string> {
  const last = columns.length - 1;
  for (let from = 0; from < rows.length; from += chunkRows) {
    let text = '';
    const to = Math.min(rows.length, from + chunkRows);
    for (let i = from; i < to; i++) {
      const row = rows[i];
      for (let c = 0; c < last; c++) text += copyValue(columns[c].get(row)) + '\t';
      text += copyValue(columns[last].get(row)) + '\n';
    }
    yield text;
  }
}

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: `\N` is null, and backslash escapes the separators. */
export function copyValue(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') {
    return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (ch) => ESCAPES[ch]) : value;
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}
