/**
 * The generated bank through the product's own interchange code: written as CSV, read back
 * unchanged, and accepted by the import validation with no problem.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDataset, validateDataset, writeDataset } from '../../../src/import';
import { generateBank } from '../../../seeds/synthetic/generate-bank';

describe('a generated bank through the interchange format', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'synthetic-bank-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes the import validation', () => {
    expect(validateDataset(generateBank({ entities: 10_000, seed: 21 }))).toEqual([]);
  });

  it('writes every file and reads back the same dataset', async () => {
    const bank = generateBank({ entities: 3_000, seed: 22 });
    await writeDataset(dir, bank);
    expect((await readdir(dir)).sort()).toEqual([
      'capital.csv',
      'drawings.csv',
      'entities.csv',
      'facilities.csv',
      'family.csv',
      'fx_rates.csv',
      'group_limits.csv',
      'guarantees.csv',
      'links.csv',
      'roles.csv',
      'shareholdings.csv',
    ]);
    const read = await readDataset(dir);
    expect(read.problems).toEqual([]);
    expect(read.dataset).toEqual(bank);
  });
});
