import fc from 'fast-check';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDataset } from '../../../src/import/dataset-reader';
import { writeDataset } from '../../../src/import/dataset-writer';
import { FORMATS } from '../../../src/import/interchange-format';
import { aDataset, aParty, awkwardDataset } from './builders';

describe('writeDataset', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'write-dataset-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes what readDataset reads back, quotes, line breaks and long decimals included', async () => {
    const data = awkwardDataset();
    await writeDataset(dir, data);
    const back = await readDataset(dir);
    expect(back.problems).toEqual([]);
    expect(back.dataset).toEqual(data);
  });

  it('writes headers in the README order and only the files that have rows', async () => {
    await writeDataset(dir, aDataset({ entities: [aParty('A', { customer: true })] }));
    expect(await readdir(dir)).toEqual(['entities.csv']);
    expect(await readFile(join(dir, 'entities.csv'), 'utf8')).toBe(
      `${FORMATS.entities.columns.join(',')}\nA,COMPANY,A Ltd,PRIVATE,CN,,,,,true,\n`,
    );
  });

  it('always writes entities.csv and removes files of an earlier dataset', async () => {
    await writeFile(join(dir, 'roles.csv'), 'stale');
    await writeFile(join(dir, 'notes.txt'), 'kept');
    await writeDataset(dir, aDataset());
    expect((await readdir(dir)).sort()).toEqual(['entities.csv', 'notes.txt']);
    expect(await readFile(join(dir, 'entities.csv'), 'utf8')).toBe(
      `${FORMATS.entities.columns.join(',')}\n`,
    );
  });

  it('round-trips any printable name', async () => {
    // Cells are trimmed on reading, so names are generated without surrounding blanks.
    const name = fc
      .string({ minLength: 1, maxLength: 30, unit: 'grapheme' })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    await fc.assert(
      fc.asyncProperty(fc.array(name, { minLength: 1, maxLength: 5 }), async (names) => {
        const data = aDataset({ entities: names.map((n, i) => aParty(`E${i}`, { name: n })) });
        await writeDataset(dir, data);
        const back = await readDataset(dir);
        expect(back.dataset.entities.map((e) => e.name)).toEqual(names);
      }),
      { numRuns: 50 },
    );
  });
});
