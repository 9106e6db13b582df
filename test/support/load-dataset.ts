import type { Orm } from '../../src/persistence/orm';
import { readDataset } from '../../src/import/dataset-reader';
import { importDataset } from '../../src/import/postgres/import-dataset';
import { formatProblem } from '../../src/import/import-problem';

/** Imports an interchange folder through the real importer; fails loudly on any problem. */
export async function loadDatasetDir(orm: Orm, dir: string): Promise<void> {
  const { dataset, problems } = await readDataset(dir);
  if (problems.length) throw new Error(problems.map(formatProblem).join('\n'));
  await importDataset(orm, dataset, { actor: 'test' });
}
