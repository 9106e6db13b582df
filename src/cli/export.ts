import 'reflect-metadata';
import { resolve } from 'node:path';
import { withMigratedDatabase } from '../import/postgres/command-session';
import { exportDataset } from '../import/postgres/dataset-exporter';

/**
 * `npm run export -- DIR`: writes the whole dated graph and the bank's books as an
 * interchange folder (../shared/formats) that `npm run import` reads back losslessly.
 */
async function main(args: string[]): Promise<number> {
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    process.stderr.write('usage: npm run export -- DIR\n');
    return 2;
  }
  const summary = await withMigratedDatabase(async (orm, log) => {
    const started = Date.now();
    const result = await exportDataset(orm, dir);
    log.info({ dir: resolve(dir), ms: Date.now() - started }, 'dataset exported');
    return result;
  });
  for (const f of summary.files) {
    process.stdout.write(`${f.file.padEnd(18)} ${String(f.rows).padStart(9)} rows\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`export failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
