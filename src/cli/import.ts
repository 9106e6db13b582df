import 'reflect-metadata';
import { stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { formatProblem } from '../import/import-problem';
import { actorFrom, withMigratedDatabase } from '../import/postgres/command-session';
import { runImport } from '../import/postgres/run-import';

const USAGE = 'usage: npm run import -- DIR [--actor NAME]';

/**
 * `npm run import -- DIR`: imports an interchange folder (../shared/formats) all or nothing.
 * Prints a summary per file, or every problem as `file:line: column: reason` on stderr and
 * exits 1 with nothing written.
 */
async function main(args: string[]): Promise<number> {
  const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--actor');
  if (!dir) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!(await isFolder(dir))) {
    process.stderr.write(`not a folder: ${dir}\n${USAGE}\n`);
    return 2;
  }
  const actor = actorFrom(args, () => userInfo().username);
  const outcome = await withMigratedDatabase((orm, log) => runImport(orm, dir, { actor, log }));
  if (!outcome.ok) {
    for (const p of outcome.problems) process.stderr.write(`${formatProblem(p)}\n`);
    process.stderr.write(`${outcome.problems.length} problem(s); nothing was imported.\n`);
    return 1;
  }
  for (const f of outcome.summary.files) {
    process.stdout.write(
      `${f.file.padEnd(18)} ${String(f.rows).padStart(9)} rows: ${f.inserted} inserted, ` +
        `${f.updated} updated, ${f.unchanged} unchanged\n`,
    );
  }
  return 0;
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`import failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
