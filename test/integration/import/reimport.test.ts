import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDataset } from '../../../src/import/dataset-writer';
import { formatProblem } from '../../../src/import/import-problem';
import { runImport } from '../../../src/import/postgres/run-import';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { aDataset, aParty, aShareholding } from '../../unit/import/builders';
import type { Dataset } from '../../../src/domain/model';

const EXAMPLE = join(__dirname, '../../fixtures/datasets/example');

describe('re-importing known ids', () => {
  let db: TestDatabase;
  let work: string;
  let n = 0;
  const importOf = async (data: Dataset) => {
    const dir = join(work, String(++n));
    await writeDataset(dir, data);
    return runImport(db.orm, dir, { actor: 'tester' });
  };
  const query = async (sql: string) => (await db.orm.em.getKnex().raw(sql)).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    work = await mkdtemp(join(tmpdir(), 'reimport-'));
    expect(await runImport(db.orm, EXAMPLE, { actor: 'tester' })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await db.drop();
    await rm(work, { recursive: true, force: true });
  });

  it('updates the changed rows, bumps their version and audits the counts', async () => {
    const outcome = await importOf(
      aDataset({
        entities: [
          aParty('C-HXS', { name: 'Huaxin Steel (renamed)', boardSeats: 9, customer: true }),
          aParty('C-NEW', { name: 'New Co' }),
        ],
        shareholdings: [aShareholding('SH-3', 'C-HXH', 'C-HXS', '65', { validFrom: '2016-05-10' })],
      }),
    );
    if (!outcome.ok) throw new Error(outcome.problems.map(formatProblem).join('\n'));
    expect(outcome.summary.files).toEqual([
      { file: 'entities.csv', table: 'party', rows: 2, inserted: 1, updated: 1, unchanged: 0 },
      {
        file: 'shareholdings.csv',
        table: 'shareholding',
        rows: 1,
        inserted: 0,
        updated: 1,
        unchanged: 0,
      },
    ]);
    expect(await query(`select name, version from party where id = 'C-HXS'`)).toEqual([
      { name: 'Huaxin Steel (renamed)', version: 2 },
    ]);
    expect(
      await query(`select voting_pct::text as v, version from shareholding where id = 'SH-3'`),
    ).toEqual([{ v: '65', version: 2 }]);
    expect(await query(`select count(*)::int as n from party`)).toEqual([{ n: 26 }]);
  });

  it('counts stored stakes the dataset keeps when summing a company to 100', async () => {
    // C-HXH is held 70 (SH-1) + 30 (SH-2) in the database.
    const outcome = await importOf(
      aDataset({
        entities: [],
        shareholdings: [
          aShareholding('SH-X', 'P-CHEN', 'C-HXH', '10', { validFrom: '2026-01-01' }),
        ],
      }),
    );
    expect(outcome.ok ? [] : outcome.problems.map(formatProblem)).toEqual([
      'shareholdings.csv:2: voting_pct: voting stakes in "C-HXH" sum to 110 on 2026-01-01, over 100',
    ]);
  });

  it('leaves out the stored stakes the dataset replaces', async () => {
    const outcome = await importOf(
      aDataset({
        shareholdings: [
          aShareholding('SH-2', 'P-LIU', 'C-HXH', '20', { validFrom: '2015-03-01' }),
          aShareholding('SH-X', 'P-CHEN', 'C-HXH', '10', { validFrom: '2026-01-01' }),
        ],
      }),
    );
    expect(outcome).toMatchObject({ ok: true });
    expect(
      await query(`select sum(voting_pct)::text as s from shareholding where company_id = 'C-HXH'`),
    ).toEqual([{ s: '100' }]);
  });

  it('rejects a reference to an entity neither in the dataset nor stored', async () => {
    const outcome = await importOf(
      aDataset({ shareholdings: [aShareholding('SH-Y', 'P-NOBODY', 'C-NEW', '10')] }),
    );
    expect(outcome.ok ? [] : outcome.problems.map(formatProblem)).toEqual([
      'shareholdings.csv:2: holder: unknown entity "P-NOBODY"',
    ]);
  });

  it('rejects a USCC that a stored entity already holds', async () => {
    const outcome = await importOf(
      aDataset({ entities: [aParty('C-COPY', { uscc: '91310000EEYQ5NCP5G' })] }),
    );
    expect(outcome.ok ? [] : outcome.problems.map(formatProblem)).toEqual([
      'entities.csv:2: uscc: 91310000EEYQ5NCP5G already belongs to entity "C-HXH"',
    ]);
  });
});
