/**
 * Upsert of a whole file in two statements: COPY every row into a temporary staging table of
 * the target's column types, then one `insert … select … on conflict (pk) do update` that
 * changes a row only where a value really differs, so re-importing the same data bumps no
 * version. `xmax = 0` tells an inserted row from an updated one. Staging tables go at the
 * end of the transaction, committed or not.
 */
import type { Knex } from '@mikro-orm/postgresql';
import { COPY_CHUNK_ROWS, copyRows } from './copy-rows';
import type { TableSpec } from './table-specs';

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

/** Rows per COPY chunk: what the `batchSize` option of the import tunes. */
export const DEFAULT_BATCH_SIZE = COPY_CHUNK_ROWS;

/** Creates the staging table of `spec` and copies every row into it. */
export async function stageRows<T>(
  trx: Knex.Transaction,
  spec: TableSpec<T>,
  rows: readonly T[],
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<void> {
  await trx.raw(stagingDdl(spec));
  await copyRows(trx, stagingTable(spec), spec.columns, rows, batchSize);
}

export function stagingTable(spec: TableSpec<unknown>): string {
  return `import_stage_${spec.table}`;
}

export function stagingDdl(spec: TableSpec<unknown>): string {
  const columns = spec.columns.map((c) => `${c.db} ${c.type}`).join(', ');
  return `create temporary table ${stagingTable(spec)} (${columns}) on commit drop`;
}

export function upsertSql<T>(spec: TableSpec<T>): string {
  const columns = spec.columns.map((c) => c.db);
  const changing = columns.filter((c) => !spec.key.includes(c));
  const assignments = changing.map((c) => `${c} = excluded.${c}`);
  if (spec.versioned) assignments.push('version = cur.version + 1');
  if (spec.touchesUpdatedAt) assignments.push('updated_at = now()');
  const before = changing.map((c) => `cur.${c}`).join(', ');
  const after = changing.map((c) => `excluded.${c}`).join(', ');
  return `with up as (
  insert into ${spec.table} as cur (${columns.join(', ')})
  select ${columns.join(', ')} from ${stagingTable(spec)}
  on conflict (${spec.key.join(', ')}) do update set ${assignments.join(', ')}
  where (${before}) is distinct from (${after})
  returning (xmax = 0) as inserted
)
select count(*) filter (where inserted)::int as inserted,
       count(*) filter (where not inserted)::int as updated
from up`;
}

/**
 * The same upsert as two plain statements, for a table this transaction holds in ACCESS
 * EXCLUSIVE mode (bulk-load mode): with no concurrent writer to race, an update of the
 * changed rows then an insert of the new ones is safe, and a plain insert costs about half
 * of a speculative one per row. Row counts come from the statements' own tags.
 */
export function exclusiveUpsertSql<T>(spec: TableSpec<T>): string {
  const columns = spec.columns.map((c) => c.db);
  const changing = columns.filter((c) => !spec.key.includes(c));
  const stage = stagingTable(spec);
  const sameKey = spec.key.map((k) => `cur.${k} = s.${k}`).join(' and ');
  const assignments = changing.map((c) => `${c} = s.${c}`);
  if (spec.versioned) assignments.push('version = cur.version + 1');
  if (spec.touchesUpdatedAt) assignments.push('updated_at = now()');
  const before = changing.map((c) => `cur.${c}`).join(', ');
  const after = changing.map((c) => `s.${c}`).join(', ');
  const update = `update ${spec.table} as cur set ${assignments.join(', ')}
  from ${stage} s where ${sameKey} and (${before}) is distinct from (${after})`;
  const insert = `insert into ${spec.table} (${columns.join(', ')})
  select ${columns.map((c) => `s.${c}`).join(', ')} from ${stage} s
  where not exists (select 1 from ${spec.table} cur where ${sameKey})`;
  return `${update};\n${insert}`;
}
