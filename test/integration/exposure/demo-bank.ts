import { join } from 'node:path';
import { readDataset } from '../../../src/import/dataset-reader';
import { formatProblem } from '../../../src/import/import-problem';
import { importDataset } from '../../../src/import/postgres';
import type { Orm } from '../../../src/persistence/orm';

/** seeds/demo: the example dataset of ../shared/formats whose figures EXPECTED.md gives. */
export const DEMO_DIR = join(__dirname, '../../../seeds/demo');

/** Loads the demo bank through the ordinary importer (one transaction, audited). */
export async function loadDemoBank(orm: Orm): Promise<void> {
  const { dataset, problems, lines } = await readDataset(DEMO_DIR);
  if (problems.length > 0) {
    throw new Error(`seeds/demo is invalid:\n${problems.map(formatProblem).join('\n')}`);
  }
  await importDataset(orm, dataset, { actor: 'test-fixture', lines });
}

/** Row counts of every table of the public schema, by table name. */
export async function rowCounts(orm: Orm): Promise<Record<string, string>> {
  const conn = orm.em.fork().getConnection();
  const tables = await conn.execute<{ table_name: string }[]>(
    `select table_name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const [{ n }] = await conn.execute<{ n: string }[]>(
      `select count(*)::text as n from "${table}"`,
    );
    counts[table] = n;
  }
  return counts;
}
