/**
 * The `import` command's work: read the folder, then validate and write it in one
 * transaction. Returns every problem instead of throwing when the dataset is refused.
 */
import type { Orm } from '../../persistence/orm';
import { readDataset } from '../dataset-reader';
import { DatasetRejectedError, type ImportProblem } from '../import-problem';
import { DATASET_KEYS } from '../interchange-format';
import { importDataset, type ImportOptions, type ImportSummary } from './import-dataset';

export type ImportOutcome =
  { ok: true; summary: ImportSummary } | { ok: false; problems: readonly ImportProblem[] };

export async function runImport(
  orm: Orm,
  dir: string,
  options: Pick<ImportOptions, 'actor' | 'log' | 'batchSize' | 'bulkMinRows'>,
): Promise<ImportOutcome> {
  const { log } = options;
  const started = Date.now();
  const read = await readDataset(dir);
  const rows = Object.fromEntries(DATASET_KEYS.map((k) => [k, read.dataset[k].length]));
  log?.info({ dir, rows, ms: Date.now() - started }, 'dataset read');
  // A file that could not be read would make every reference into it look unknown.
  if (!read.complete) return { ok: false, problems: read.problems };
  try {
    const summary = await importDataset(orm, read.dataset, {
      ...options,
      lines: read.lines,
      problems: read.problems,
      note: `import of ${dir}`,
    });
    log?.info({ ms: Date.now() - started }, 'dataset imported');
    return { ok: true, summary };
  } catch (err) {
    if (err instanceof DatasetRejectedError) return { ok: false, problems: err.problems };
    throw err;
  }
}
