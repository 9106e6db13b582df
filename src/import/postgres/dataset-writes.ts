/**
 * The write half of an import: detach what a bulk load rebuilds, COPY every file into its
 * staging table, then start the write script and hand back its completion, so the caller
 * can validate while PostgreSQL writes.
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { ClientBase } from 'pg';
import type { Logger } from 'pino';
import type { Dataset } from '../../domain/model';
import { DATASET_KEYS, type DatasetKey, FORMATS, type RecordOf } from '../interchange-format';
import { DEFAULT_BATCH_SIZE, stageRows } from './bulk-upsert';
import { type BulkLoadPlan, detachAll } from './bulk-load-plan';
import { TABLES, type TableSpec } from './table-specs';
import { reattachSteps, startScript, type StepOutcome, upsertSteps } from './write-script';

export interface ImportFileSummary {
  file: string;
  table: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface Writes {
  /** The transaction's connection, to cancel the writes on; null if they never started. */
  client: ClientBase | null;
  done: Promise<ImportFileSummary[]>;
}

export async function stageAndStartWrites(
  trx: Knex.Transaction,
  dataset: Dataset,
  bulk: BulkLoadPlan,
  options: { batchSize?: number; log?: Logger },
): Promise<Writes> {
  const { log } = options;
  const detached = await detachAll(trx, bulk, log);
  const files = DATASET_KEYS.filter((k) => dataset[k].length > 0).map((key) => ({
    key,
    spec: TABLES[key] as TableSpec<RecordOf<DatasetKey>>,
    rows: dataset[key] as RecordOf<DatasetKey>[],
  }));
  for (const { spec, rows } of files) {
    const started = Date.now();
    await stageRows(trx, spec, rows, options.batchSize ?? DEFAULT_BATCH_SIZE);
    log?.info({ table: spec.table, rows: rows.length, ms: Date.now() - started }, 'staged');
  }
  const client = (await trx.client.acquireConnection()) as ClientBase;
  const specs = files.map((f) => f.spec);
  const steps = [...upsertSteps(specs, bulk.tables), ...reattachSteps(detached)];
  const script = await startScript(trx, client, steps);
  const done = script.done.then((outcomes) => {
    for (const o of outcomes) log?.info({ table: o.step.table, ms: o.ms }, o.step.msg);
    return files.map(({ key, spec, rows }) => summaryOf(key, spec.table, rows.length, outcomes));
  });
  return { client, done };
}

function summaryOf(
  key: DatasetKey,
  table: string,
  rows: number,
  outcomes: readonly StepOutcome[],
): ImportFileSummary {
  const counts = outcomes.find((o) => o.step.msg === 'upserted' && o.step.table === table)?.counts;
  if (!counts) throw new Error(`no upsert counts for ${table}`);
  const unchanged = rows - counts.inserted - counts.updated;
  return { file: FORMATS[key].file, table, rows, ...counts, unchanged };
}
