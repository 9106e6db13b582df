/**
 * Which tables of an import load in bulk-load mode (./bulk-load.ts), the locks that takes,
 * and the detaching before the upserts (./write-script.ts puts everything back). Every lock is taken before validation reads
 * anything, in one statement, so the import never upgrades a lock it already holds.
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Dataset } from '../../domain/model';
import { DATASET_KEYS } from '../interchange-format';
import {
  type DetachedTable,
  detachIndexesAndForeignKeys,
  prefersBulkLoad,
  referencedTables,
  storedRowEstimates,
} from './bulk-load';
import { TABLES } from './table-specs';

/** What validation reads must not change before the commit. */
const VALIDATION_READS = ['party', 'shareholding', 'facility'];

export interface BulkLoadPlan {
  tables: string[];
  /** Tables the bulk tables' foreign keys point at: dropping a key locks them too. */
  referenced: string[];
}

export async function planBulkLoad(
  trx: Knex.Transaction,
  dataset: Dataset,
  minRows: number,
): Promise<BulkLoadPlan> {
  const sizes = DATASET_KEYS.map((k) => ({ table: TABLES[k].table, rows: dataset[k].length }));
  const candidates = sizes.filter((s) => s.rows >= minRows);
  if (candidates.length === 0) return { tables: [], referenced: [] };
  const stored = await storedRowEstimates(
    trx,
    candidates.map((c) => c.table),
  );
  const tables = candidates
    .filter((c) => prefersBulkLoad(c.rows, stored.get(c.table) ?? 0, minRows))
    .map((c) => c.table);
  if (tables.length === 0) return { tables: [], referenced: [] };
  return { tables, referenced: await referencedTables(trx, tables) };
}

export async function lockTables(trx: Knex.Transaction, plan: BulkLoadPlan): Promise<void> {
  const exclusive = [...new Set([...plan.tables, ...plan.referenced])];
  if (exclusive.length > 0) {
    await trx.raw(`lock table ${exclusive.join(', ')} in access exclusive mode`);
  }
  await trx.raw(`lock table ${VALIDATION_READS.join(', ')} in share row exclusive mode`);
}

export async function detachAll(
  trx: Knex.Transaction,
  plan: BulkLoadPlan,
  log?: Logger,
): Promise<DetachedTable[]> {
  const detached: DetachedTable[] = [];
  for (const table of plan.tables) detached.push(await detachIndexesAndForeignKeys(trx, table));
  if (detached.length > 0) log?.info({ tables: plan.tables }, 'bulk-load mode');
  return detached;
}
