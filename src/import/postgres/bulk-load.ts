/**
 * Bulk-load mode for a table that an import fills for the most part: inside the import's
 * transaction its secondary indexes and foreign keys are dropped before the rows go in, then
 * the indexes are built again by one sort each and every foreign key is added back, which
 * PostgreSQL validates with one join over the whole table instead of one look-up per row.
 * Nothing is lost: the definitions come from the catalog and are restored verbatim before
 * the commit, primary keys and unique constraints stay in place throughout, and a failure
 * anywhere rolls the DDL back with the rows. The price is an ACCESS EXCLUSIVE lock on the
 * table (and on what its foreign keys reference) until the commit, which is why only large
 * loads take this path.
 */
import type { Knex } from '@mikro-orm/postgresql';

/** Below this many rows a file is upserted with the table's indexes and checks in place. */
export const DEFAULT_BULK_MIN_ROWS = 50_000;

interface Definition {
  name: string;
  def: string;
}

export interface DetachedTable {
  table: string;
  indexes: Definition[];
  foreignKeys: Definition[];
}

/**
 * Whether rebuilding beats maintaining: rebuilding costs in proportion to the whole table,
 * maintaining in proportion to the rows written, several times over per row.
 */
export function prefersBulkLoad(rows: number, storedRows: number, minRows: number): boolean {
  return rows >= minRows && rows * 4 >= storedRows;
}

/** The planner's row estimate for each table (0 for one never analysed). */
export async function storedRowEstimates(
  trx: Knex.Transaction,
  tables: readonly string[],
): Promise<Map<string, number>> {
  const { rows } = await trx.raw<{ rows: { table: string; estimate: number }[] }>(
    `select relname as "table", greatest(reltuples, 0)::float8 as estimate
     from pg_class where relkind = 'r' and oid = any(?::regclass[])`,
    [[...tables]],
  );
  return new Map(rows.map((r) => [r.table, Number(r.estimate)]));
}

/** The tables the foreign keys of `tables` reference: they are locked by the drop too. */
export async function referencedTables(
  trx: Knex.Transaction,
  tables: readonly string[],
): Promise<string[]> {
  const { rows } = await trx.raw<{ rows: { table: string }[] }>(
    `select distinct confrelid::regclass::text as "table" from pg_constraint
     where contype = 'f' and conrelid = any(?::regclass[])`,
    [[...tables]],
  );
  return rows.map((r) => r.table);
}

export async function detachIndexesAndForeignKeys(
  trx: Knex.Transaction,
  table: string,
): Promise<DetachedTable> {
  // Indexes that back no constraint: the primary key and unique constraints stay.
  const indexes = await definitions(
    trx,
    `select i.relname as name, pg_get_indexdef(i.oid) as def
     from pg_index x join pg_class i on i.oid = x.indexrelid
     where x.indrelid = ?::regclass
       and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid
                       and c.conrelid = x.indrelid)
     order by i.relname`,
    table,
  );
  const foreignKeys = await definitions(
    trx,
    `select conname as name, pg_get_constraintdef(oid) as def
     from pg_constraint where contype = 'f' and conrelid = ?::regclass order by conname`,
    table,
  );
  if (indexes.length > 0) await trx.raw(`drop index ${indexes.map((i) => i.name).join(', ')}`);
  if (foreignKeys.length > 0) {
    const drops = foreignKeys.map((f) => `drop constraint ${f.name}`).join(', ');
    await trx.raw(`alter table ${table} ${drops}`);
  }
  return { table, indexes, foreignKeys };
}

async function definitions(
  trx: Knex.Transaction,
  sql: string,
  table: string,
): Promise<Definition[]> {
  const { rows } = await trx.raw<{ rows: Definition[] }>(sql, [table]);
  return rows;
}
