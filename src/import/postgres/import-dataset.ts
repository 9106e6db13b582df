/**
 * Writes a dataset into PostgreSQL all or nothing: one transaction that validates against
 * what is stored (with the tables it reads locked against concurrent writers), upserts
 * every file in batches with foreign keys deferred to the commit, and appends one audit
 * row per file. A rejected dataset or any database error rolls everything back.
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Dataset } from '../../domain/model';
import type { Orm } from '../../persistence/orm';
import { validateDataset } from '../dataset-validator';
import { DatasetRejectedError, type ImportProblem, normaliseProblems } from '../import-problem';
import {
  DATASET_KEYS,
  type DatasetKey,
  type DatasetLines,
  FILE_ORDER,
  FORMATS,
  type RecordOf,
} from '../interchange-format';
import { DEFAULT_BATCH_SIZE, upsertRows } from './bulk-upsert';
import { loadExistingState } from './existing-state.loader';
import { TABLES, type TableSpec } from './table-specs';

/** The channel a bulk import notifies; servers LISTEN on it (src/services/graph-reload.ts). */
export const GRAPH_CHANGED_CHANNEL = 'graph_changed';

export interface ImportOptions {
  /** Who imports: recorded in the audit log. */
  actor: string;
  /** Line numbers from `readDataset`, so problems point into the files. */
  lines?: DatasetLines;
  /** Problems already found while reading: reported together with every rule's. */
  problems?: readonly ImportProblem[];
  /** Free text for the audit log, e.g. where the dataset came from. */
  note?: string;
  log?: Logger;
  batchSize?: number;
}

export interface ImportFileSummary {
  file: string;
  table: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  files: ImportFileSummary[];
}

export async function importDataset(
  orm: Orm,
  dataset: Dataset,
  options: ImportOptions,
): Promise<ImportSummary> {
  const { log } = options;
  let committing = 0;
  const summary = await orm.em.getKnex().transaction(async (trx) => {
    await trx.raw('set constraints all deferred');
    // What validation reads must not change before the commit.
    await trx.raw('lock table party, shareholding, facility in share row exclusive mode');
    const started = Date.now();
    const existing = await loadExistingState(trx, dataset);
    log?.info({ ms: Date.now() - started }, 'stored state loaded');
    const problems = normaliseProblems(
      [...(options.problems ?? []), ...validateDataset(dataset, existing, options.lines)],
      FILE_ORDER,
    );
    log?.info({ ms: Date.now() - started, problems: problems.length }, 'dataset validated');
    if (problems.length > 0) throw new DatasetRejectedError(problems);

    const files: ImportFileSummary[] = [];
    for (const key of DATASET_KEYS) {
      const rows = dataset[key] as RecordOf<DatasetKey>[];
      if (rows.length === 0) continue;
      const spec = TABLES[key] as TableSpec<RecordOf<DatasetKey>>;
      const upsertStarted = Date.now();
      const counts = await upsertRows(trx, spec, rows, options.batchSize ?? DEFAULT_BATCH_SIZE);
      const unchanged = rows.length - counts.inserted - counts.updated;
      files.push({
        file: FORMATS[key].file,
        table: spec.table,
        rows: rows.length,
        ...counts,
        unchanged,
      });
      log?.info(
        { table: spec.table, rows: rows.length, ms: Date.now() - upsertStarted },
        'upserted',
      );
    }
    await audit(trx, options, files);
    // Running servers reload their in-memory graph once this commits (NOTIFY is delivered
    // at commit, and not at all on rollback).
    await trx.raw(`select pg_notify(?, 'import')`, [GRAPH_CHANGED_CHANNEL]);
    committing = Date.now();
    return { files };
  });
  log?.info({ ms: Date.now() - committing }, 'committed (deferred foreign keys checked)');
  return summary;
}

async function audit(
  trx: Knex.Transaction,
  options: ImportOptions,
  files: readonly ImportFileSummary[],
): Promise<void> {
  if (files.length === 0) return;
  const values = files.map(() => `(?, 'IMPORT', ?, ?::jsonb, ?)`).join(', ');
  const bindings = files.flatMap((f) => [
    options.actor,
    f.table,
    JSON.stringify({
      file: f.file,
      rows: f.rows,
      inserted: f.inserted,
      updated: f.updated,
      unchanged: f.unchanged,
    }),
    options.note ?? null,
  ]);
  await trx.raw(
    `insert into audit_log (actor, action, table_name, after, note) values ${values}`,
    bindings,
  );
}
