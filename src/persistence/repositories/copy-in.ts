/**
 * `COPY … FROM STDIN` (text format) on a connection of node-postgres, through pg-copy-streams:
 * PostgreSQL parses a tab-separated line far faster than it binds an array or a JSON literal.
 * Rows go out in chunks with the stream's backpressure, so the encoding of one chunk overlaps
 * the server's work on the previous one.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyCell = string | number | boolean | null;

export const COPY_CHUNK_ROWS = 5000;

/** Streams `rows` into `table (columns)` on `client`, each row's cells in column order. */
export async function copyIn<T>(
  client: ClientBase,
  table: string,
  columns: readonly string[],
  rows: readonly T[],
  cellsOf: (row: T, column: number) => CopyCell,
  chunkRows = COPY_CHUNK_ROWS,
): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  const chunks = copyChunks(rows, columns.length, cellsOf, Math.max(1, chunkRows));
  await pipeline(Readable.from(chunks), stream);
}

function* copyChunks<T>(
  rows: readonly T[],
  width: number,
  cellOf: (row: T, column: number) => CopyCell,
  chunkRows: number,
): Generator<string> {
  const last = width - 1;
  for (let from = 0; from < rows.length; from += chunkRows) {
    let text = '';
    const to = Math.min(rows.length, from + chunkRows);
    for (let i = from; i < to; i++) {
      const row = rows[i];
      for (let c = 0; c < last; c++) text += copyValue(cellOf(row, c)) + '\t';
      text += copyValue(cellOf(row, last)) + '\n';
    }
    yield text;
  }
}

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: `\N` is null, and backslash escapes the separators. */
export function copyValue(value: CopyCell): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') {
    return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (ch) => ESCAPES[ch]) : value;
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}
