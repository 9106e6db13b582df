/**
 * Reads a dataset folder (../shared/formats/README.md): RFC 4180 CSV, UTF-8 (a BOM is
 * tolerated), a header of known columns in any order, an empty cell meaning "not given".
 * Reports what stops a row from becoming a record (unknown file or column, missing required
 * column, wrong cell count, malformed CSV, bad boolean or whole number) with the file's own
 * line numbers; every other rule is `validateDataset`'s.
 */
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Dataset, emptyDataset } from '../domain/model';
import { type ImportProblem, normaliseProblems, WHOLE_ROW } from './import-problem';
import {
  DATASET_KEYS,
  type DatasetKey,
  type DatasetLines,
  FILE_ORDER,
  FORMATS,
  type FileFormat,
  type RecordOf,
} from './interchange-format';
import { CsvSyntaxError, csvRecords } from './csv-records';
import { RowCells } from './row-cells';

/** Big enough that per-piece overhead vanishes, small enough to stay out of the old heap. */
const READ_CHUNK_BYTES = 1 << 20;

export interface ReadResult {
  dataset: Dataset;
  problems: ImportProblem[];
  lines: DatasetLines;
  /** False when a file could not be read to its end (bad header, malformed CSV, no entities.csv). */
  complete: boolean;
}

export async function readDataset(dir: string): Promise<ReadResult> {
  const dataset = emptyDataset();
  const lines = emptyLines();
  const problems: ImportProblem[] = [];
  let complete = true;
  const present = new Set((await readdir(dir)).filter((name) => name.endsWith('.csv')));
  for (const name of present) {
    if (!FILE_ORDER.includes(name)) {
      problems.push({ file: name, line: 1, column: WHOLE_ROW, reason: 'unknown file' });
    }
  }
  if (!present.has(FORMATS.entities.file)) {
    problems.push({
      file: FORMATS.entities.file,
      line: 1,
      column: WHOLE_ROW,
      reason: 'missing file',
    });
    complete = false;
  }
  for (const key of DATASET_KEYS) {
    if (!present.has(FORMATS[key].file)) continue;
    const read = await readFile(join(dir, FORMATS[key].file), key, dataset, lines[key], problems);
    complete &&= read;
  }
  return { dataset, problems: normaliseProblems(problems, FILE_ORDER), lines, complete };
}

async function readFile(
  path: string,
  key: DatasetKey,
  dataset: Dataset,
  lines: number[],
  problems: ImportProblem[],
): Promise<boolean> {
  const format = FORMATS[key] as FileFormat<RecordOf<DatasetKey>>;
  const records = dataset[key] as RecordOf<DatasetKey>[];
  const file = format.file;
  const text = createReadStream(path, { encoding: 'utf8', highWaterMark: READ_CHUNK_BYTES });
  let index: Map<string, number> | null = null;
  let width = 0;
  let usable = true;
  try {
    for await (const batch of csvRecords(text)) {
      for (const { cells: record, line } of batch) {
        if (record.length === 1 && record[0].trim() === '') continue;
        if (index === null) {
          index = new Map(record.map((name, i) => [name.trim(), i]));
          width = record.length;
          usable = checkHeader(format, record, problems);
          continue;
        }
        if (!usable) continue;
        if (record.length !== width) {
          const reason = `expected ${width} cells, found ${record.length}`;
          problems.push({ file, line, column: WHOLE_ROW, reason });
          continue;
        }
        const cells = new RowCells(index, record);
        records.push(format.parse(cells));
        lines.push(line);
        if (cells.problems !== null)
          for (const p of cells.problems) problems.push({ file, line, ...p });
      }
    }
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    problems.push({
      file,
      line: err.line,
      column: WHOLE_ROW,
      reason: `malformed CSV: ${err.message}`,
    });
    return false;
  }
  if (index === null) problems.push({ file, line: 1, column: WHOLE_ROW, reason: 'no header row' });
  return index !== null && usable;
}

/** Unknown and repeated columns are errors; rows are read only if no required column is missing. */
function checkHeader(
  format: Pick<FileFormat<unknown>, 'file' | 'columns' | 'required'>,
  header: readonly string[],
  problems: ImportProblem[],
): boolean {
  const at = { file: format.file, line: 1 };
  const seen = new Set<string>();
  for (const raw of header) {
    const name = raw.trim();
    if (seen.has(name)) problems.push({ ...at, column: name, reason: 'repeated column' });
    else if (!format.columns.includes(name)) {
      problems.push({
        ...at,
        column: name || WHOLE_ROW,
        reason: `unknown column (expected ${format.columns.join(', ')})`,
      });
    }
    seen.add(name);
  }
  const missing = format.required.filter((c) => !seen.has(c));
  for (const column of missing) problems.push({ ...at, column, reason: 'missing column' });
  return missing.length === 0 && seen.size === header.length;
}

export function emptyLines(): DatasetLines {
  return Object.fromEntries(DATASET_KEYS.map((k) => [k, []])) as unknown as DatasetLines;
}
