/**
 * Exports every table of the dated graph as a dataset folder that `readDataset` reads back
 * to the same rows: one repeatable-read snapshot, rows streamed through a server-side cursor
 * in key order (collation "C"), decimals in canonical form (`70`, never `70.000000`, no
 * digit lost), dates `YYYY-MM-DD`, booleans `true` / `false`.
 */
import { mkdir } from 'node:fs/promises';
import type { Knex } from '@mikro-orm/postgresql';
import { canonical } from '../../domain/money/decimal';
import type { Orm } from '../../persistence/orm';
import { writeDatasetFile } from '../dataset-writer';
import { DATASET_KEYS, type DatasetKey, FORMATS } from '../interchange-format';
import type { CsvRow } from '../row-formatters';
import { type ColumnSpec, TABLES, type TableSpec } from './table-specs';

const FETCH = 5000;

export interface ExportSummary {
  files: { file: string; rows: number }[];
}

export async function exportDataset(orm: Orm, dir: string): Promise<ExportSummary> {
  await mkdir(dir, { recursive: true });
  const knex = orm.em.getKnex();
  const trx = await knex.transaction({ isolationLevel: 'repeatable read', readOnly: true });
  try {
    const files: ExportSummary['files'] = [];
    for (const key of DATASET_KEYS) {
      const rows = await exportTable(trx, key, dir);
      if (rows > 0 || key === 'entities') files.push({ file: FORMATS[key].file, rows });
    }
    await trx.commit();
    return { files };
  } catch (err) {
    await trx.rollback();
    throw err;
  }
}

async function exportTable(trx: Knex.Transaction, key: DatasetKey, dir: string): Promise<number> {
  const spec = TABLES[key] as unknown as TableSpec<unknown>;
  const select = spec.columns.map((c, i) => `${asText(c)} as c${i}`).join(', ');
  const cursor = `export_${spec.table}`;
  await trx.raw(
    `declare ${cursor} no scroll cursor for select ${select} from ${spec.table} order by ${spec.orderBy}`,
  );
  const fetch = async (): Promise<CsvRow[]> => {
    const { rows } = await trx.raw<{ rows: Record<string, string | null>[] }>(
      `fetch forward ${FETCH} from ${cursor}`,
    );
    return rows.map((r) => spec.columns.map((c, i) => fromText(c, r[`c${i}`])));
  };
  let count = 0;
  const first = await fetch();
  async function* all(): AsyncIterable<CsvRow> {
    for (let batch = first; batch.length > 0; batch = await fetch()) {
      count += batch.length;
      yield* batch;
    }
  }
  await writeDatasetFile(dir, key, first.length > 0 ? all() : null);
  await trx.raw(`close ${cursor}`);
  return count;
}

function asText(c: ColumnSpec<unknown>): string {
  if (c.type === 'date') return `to_char(${c.db}, 'YYYY-MM-DD')`;
  if (c.type === 'boolean') return `case when ${c.db} then 'true' else 'false' end`;
  return `${c.db}::text`;
}

function fromText(c: ColumnSpec<unknown>, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  // A char(n) column pads with blanks; the ids and codes it holds never end in one.
  if (c.type === 'numeric') return canonical(value);
  return value;
}
