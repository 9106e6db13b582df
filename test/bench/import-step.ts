/**
 * Step 1: a synthetic bank of N entities, written as an interchange folder and imported
 * through the real importer (`npm run import`'s path: read + validate + one transaction).
 * Import time is read + import, as an operator would see it; generation and writing are
 * reported apart because they are the benchmark's own set-up.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDataset } from '../../src/import/dataset-reader';
import { writeDataset } from '../../src/import/dataset-writer';
import { formatProblem } from '../../src/import/import-problem';
import { importDataset } from '../../src/import/postgres/import-dataset';
import { migrate, openOrm } from '../../src/persistence/orm';
import { DEFAULT_AS_OF, generateBank } from '../../seeds/synthetic/generate-bank';
import { timed } from './timing';

export interface ImportFigures {
  entities: number;
  edges: number;
  rows: Record<string, number>;
  generateMs: number;
  writeCsvMs: number;
  readCsvMs: number;
  importDbMs: number;
  /** read + validate + write, what `npm run import` costs. */
  importMs: number;
}

export const BENCH_AS_OF = DEFAULT_AS_OF;

export async function generateAndImport(
  url: string,
  entities: number,
  seed: number,
): Promise<ImportFigures> {
  const dir = await mkdtemp(join(tmpdir(), `bench-${entities}-`));
  try {
    const generated = await timed(() => generateBank({ entities, seed, asOf: BENCH_AS_OF }));
    const written = await timed(() => writeDataset(dir, generated.value));
    const bank = generated.value;
    const rows = Object.fromEntries(Object.entries(bank).map(([k, v]) => [k, v.length]));
    const edges =
      bank.shareholdings.length +
      bank.roles.length +
      bank.familyTies.length +
      bank.links.length +
      bank.guarantees.length;
    generated.value = null as never; // let the generator's copy go before the importer reads

    const read = await timed(() => readDataset(dir));
    if (read.value.problems.length) {
      throw new Error(read.value.problems.slice(0, 10).map(formatProblem).join('\n'));
    }
    const orm = await openOrm(url);
    try {
      await migrate(orm);
      const imported = await timed(() =>
        importDataset(orm, read.value.dataset, { actor: 'bench', lines: read.value.lines }),
      );
      return {
        entities,
        edges,
        rows,
        generateMs: generated.ms,
        writeCsvMs: written.ms,
        readCsvMs: read.ms,
        importDbMs: imported.ms,
        importMs: read.ms + imported.ms,
      };
    } finally {
      await orm.close(true);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
