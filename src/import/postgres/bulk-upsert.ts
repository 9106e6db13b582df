/**
 * Multi-row upsert through `unnest` of one array per column: one statement per batch with
 * as many bind parameters as the table has columns (PostgreSQL's 65 535-parameter limit
 * never applies), `on conflict (pk) do update` only where a value really changed, so
 * re-importing the same data bumps no version. `xmax = 0` tells an inserted row from an
 * updated one.
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { TableSpec } from './table-specs';

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

export const DEFAULT_BATCH_SIZE = 5000;

export async function upsertRows<T>(
  trx: Knex.Transaction,
  spec: TableSpec<T>,
  rows: readonly T[],
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<UpsertCounts> {
  const sql = upsertSql(spec);
  const counts: UpsertCounts = { inserted: 0, updated: 0 };
  for (let from = 0; from < rows.length; from += batchSize) {
    const batch = rows.slice(from, from + batchSize);
    // One array per column; node-postgres sends each as a PostgreSQL array literal.
    const arrays = spec.columns.map((c) => batch.map((r) => c.get(r))) as Knex.RawBinding[];
    const result = await trx.raw<{ rows: UpsertCounts[] }>(sql, arrays);
    counts.inserted += Number(result.rows[0].inserted);
    counts.updated += Number(result.rows[0].updated);
  }
  return counts;
}

export function upsertSql<T>(spec: TableSpec<T>): string {
  const columns = spec.columns.map((c) => c.db);
  const values = spec.columns.map((c) => `?::${c.type}[]`).join(', ');
  const changing = columns.filter((c) => !spec.key.includes(c));
  const assignments = changing.map((c) => `${c} = excluded.${c}`);
  if (spec.versioned) assignments.push('version = cur.version + 1');
  if (spec.touchesUpdatedAt) assignments.push('updated_at = now()');
  const before = changing.map((c) => `cur.${c}`).join(', ');
  const after = changing.map((c) => `excluded.${c}`).join(', ');
  return `with up as (
  insert into ${spec.table} as cur (${columns.join(', ')})
  select * from unnest(${values})
  on conflict (${spec.key.join(', ')}) do update set ${assignments.join(', ')}
  where (${before}) is distinct from (${after})
  returning (xmax = 0) as inserted
)
select count(*) filter (where inserted)::int as inserted,
       count(*) filter (where not inserted)::int as updated
from up`;
}
