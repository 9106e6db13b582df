import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportDataset } from '../../../src/import/postgres/dataset-exporter';
import { importDataset } from '../../../src/import/postgres/import-dataset';
import { runImport } from '../../../src/import/postgres/run-import';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { awkwardDataset } from '../../unit/import/builders';
import { snapshot } from './db-snapshot';

const EXAMPLE = join(__dirname, '../../fixtures/datasets/example');

describe('export then import', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let work: string;
  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    work = await mkdtemp(join(tmpdir(), 'export-roundtrip-'));
    expect(await runImport(source.orm, EXAMPLE, { actor: 'tester' })).toMatchObject({ ok: true });
    await importDataset(source.orm, awkwardDataset(), { actor: 'tester' });
  });
  afterAll(async () => {
    await Promise.all([source.drop(), target.drop()]);
    await rm(work, { recursive: true, force: true });
  });

  it('gives a second database exactly the rows of the first', async () => {
    await exportDataset(source.orm, join(work, 'a'));
    const outcome = await runImport(target.orm, join(work, 'a'), { actor: 'tester' });
    expect(outcome).toMatchObject({ ok: true });
    expect(await snapshot(target.orm)).toEqual(await snapshot(source.orm));
  });

  it('exports the second database to the same bytes', async () => {
    await exportDataset(target.orm, join(work, 'b'));
    const files = (await readdir(join(work, 'a'))).sort();
    expect((await readdir(join(work, 'b'))).sort()).toEqual(files);
    for (const file of files) {
      const [a, b] = await Promise.all([
        readFile(join(work, 'a', file), 'utf8'),
        readFile(join(work, 'b', file), 'utf8'),
      ]);
      expect({ file, text: b }).toEqual({ file, text: a });
    }
  });

  it('writes the README header order, ids sorted, canonical decimals, ISO dates', async () => {
    const text = await readFile(join(work, 'a', 'shareholdings.csv'), 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('id,holder,company,voting_pct,equity_pct,valid_from,valid_to,source');
    expect(lines).toContain(
      'W-SH1,W-P1,W-C1,33.333333333333333333333333,12.5,2020-02-29,2030-01-01,"registry; ""extract"" 2024"',
    );
    expect(lines.slice(1, 3)).toEqual([
      'SH-1,P-ZHANG,C-HXH,70,70,2015-03-01,,registry',
      'SH-10,S-SASAC,C-DFG,80,80,2010-01-01,,registry',
    ]);
    const ids = lines.slice(1).map((l) => l.split(',')[0]);
    expect(ids).toEqual([...ids].sort());
    const facilities = await readFile(join(work, 'a', 'facilities.csv'), 'utf8');
    expect(facilities).toContain(
      'W-FC1,W-C1,TERM_LOAN,1000000,CNY,true,true,2025-01-01,2026-01-01,0,W-C2,123456789012345678901234.5678',
    );
  });
});
