/**
 * Writes a dataset folder in the interchange format (../shared/formats/README.md): every
 * file that has rows (entities.csv always), header in the README's order, RFC 4180 quoting.
 * Rows stream through csv-stringify into the file, so a million entities never become one
 * string. Files of the format left over from an earlier dataset in the folder are removed,
 * so the folder reads back as exactly what was written.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { Dataset } from '../domain/model';
import {
  DATASET_KEYS,
  type DatasetKey,
  FORMATS,
  type FileFormat,
  type RecordOf,
} from './interchange-format';
import type { CsvRow } from './row-formatters';

export async function writeDataset(dir: string, data: Dataset): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const key of DATASET_KEYS) {
    const records = data[key] as readonly RecordOf<DatasetKey>[];
    const format = FORMATS[key] as FileFormat<RecordOf<DatasetKey>>;
    await writeDatasetFile(dir, key, records.length > 0 ? formatted(records, format) : null);
  }
}

/**
 * Writes one file of the dataset from rows already in column order, or removes it when
 * `rows` is null (entities.csv is then written with its header alone).
 */
export async function writeDatasetFile(
  dir: string,
  key: DatasetKey,
  rows: Iterable<CsvRow> | AsyncIterable<CsvRow> | null,
): Promise<void> {
  const { file, columns } = FORMATS[key];
  const path = join(dir, file);
  if (rows === null && key !== 'entities') {
    await rm(path, { force: true });
    return;
  }
  await pipeline(
    Readable.from(withHeader(columns, rows ?? [])),
    stringify({ record_delimiter: 'unix' }),
    createWriteStream(path, { encoding: 'utf8' }),
  );
}

function* formatted<T>(records: readonly T[], format: FileFormat<T>): Iterable<CsvRow> {
  for (const r of records) yield format.format(r);
}

async function* withHeader(
  columns: readonly string[],
  rows: Iterable<CsvRow> | AsyncIterable<CsvRow>,
): AsyncIterable<readonly (string | null)[]> {
  yield columns;
  for await (const row of rows) yield row;
}
