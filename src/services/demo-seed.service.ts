import { join } from 'node:path';
import { projectRoot } from '../config/paths';
import type { Logger } from 'pino';
import { readDataset } from '../import/dataset-reader';
import { formatProblem } from '../import/import-problem';
import { importDataset } from '../import/postgres';
import type { Orm } from '../persistence/orm';

export const DEMO_DATASET_DIR = join(projectRoot(), 'seeds', 'demo');

/**
 * A newcomer's `npm start` shows something real: on an empty database (no entities) the demo
 * bank is imported through the ordinary importer, in one transaction.
 */
export async function seedDemoIfEmpty(orm: Orm, log: Logger): Promise<boolean> {
  const [{ count }] = await orm.em
    .fork()
    .getConnection()
    .execute<{ count: string }[]>(`select count(*)::text as count from party`);
  if (count !== '0') return false;
  const { dataset, problems, lines } = await readDataset(DEMO_DATASET_DIR);
  if (problems.length)
    throw new Error(`demo dataset is invalid:\n${problems.map(formatProblem).join('\n')}`);
  await importDataset(orm, dataset, {
    actor: 'demo-seed',
    lines,
    note: 'demo bank (seeds/demo)',
    log,
  });
  log.info({ entities: dataset.entities.length }, 'demo bank loaded into the empty database');
  return true;
}
