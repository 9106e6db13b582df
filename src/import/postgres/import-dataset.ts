/**
 * Writes a dataset into PostgreSQL all or nothing, in one transaction: lock what validation
 * reads (and, for a bulk load, the tables rebuilt), read the stored state validation needs,
 * stage every file by COPY, then let PostgreSQL upsert and rebuild (./write-script.ts) while
 * the dataset is validated here. Any problem cancels the writes and rolls everything back,
 * as does any database error; otherwise one audit row per file and a NOTIFY go with the
 * commit.
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { ClientBase } from 'pg';
import type { Logger } from 'pino';
import type { Dataset } from '../../domain/model';
import type { Orm } from '../../persistence/orm';
import { validateDataset } from '../dataset-validator';
import { DatasetRejectedError, type ImportProblem, normaliseProblems } from '../import-problem';
import { type DatasetLines, FILE_ORDER } from '../interchange-format';
import { DEFAULT_BULK_MIN_ROWS } from './bulk-load';
import { lockTables, planBulkLoad } from './bulk-load-plan';
import { type ImportFileSummary, stageAndStartWrites, type Writes } from './dataset-writes';
import { loadExistingState } from './existing-state.loader';

export type { ImportFileSummary } from './dataset-writes';

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
  /** Rows per COPY chunk. */
  batchSize?: number;
  /** A file of at least this many rows loads in bulk-load mode (./bulk-load.ts). */
  bulkMinRows?: number;
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
  const knex = orm.em.getKnex();
  let committing = 0;
  const summary = await knex.transaction(async (trx) => {
    await trx.raw('set constraints all deferred');
    const bulk = await planBulkLoad(trx, dataset, options.bulkMinRows ?? DEFAULT_BULK_MIN_ROWS);
    await lockTables(trx, bulk);
    let started = Date.now();
    const existing = await loadExistingState(trx, dataset);
    log?.info({ ms: Date.now() - started }, 'stored state loaded');

    // A staging failure (a value the column type refuses) is reported only if validation,
    // which explains it row by row, finds nothing.
    const writes: Writes = await stageAndStartWrites(trx, dataset, bulk, options).catch(
      (err: unknown) => ({ client: null, done: Promise.reject(err) }),
    );
    writes.done.catch(() => undefined);
    started = Date.now();
    const problems = normaliseProblems(
      [...(options.problems ?? []), ...validateDataset(dataset, existing, options.lines)],
      FILE_ORDER,
    );
    log?.info({ ms: Date.now() - started, problems: problems.length }, 'dataset validated');
    if (problems.length > 0) {
      await cancel(knex, writes);
      throw new DatasetRejectedError(problems);
    }
    started = Date.now();
    const files = await writes.done;
    log?.info({ ms: Date.now() - started }, 'writes finished after validation');
    await audit(trx, options, files);
    // Running servers reload their in-memory graph once this commits (NOTIFY is delivered
    // at commit, and not at all on rollback).
    await trx.raw(`select pg_notify(?, 'import')`, [GRAPH_CHANGED_CHANNEL]);
    committing = Date.now();
    return { files };
  });
  log?.info({ ms: Date.now() - committing }, 'committed');
  return summary;
}

/** Stops writes still running for a refused dataset, so the rollback need not wait for them. */
async function cancel(knex: Knex, writes: Writes): Promise<void> {
  const client = writes.client as (ClientBase & { processID?: number }) | null;
  if (client?.processID) {
    await knex.raw('select pg_cancel_backend(?)', [client.processID]);
  }
  await writes.done.catch(() => undefined);
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
