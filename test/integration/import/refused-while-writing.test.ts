import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDataset } from '../../../src/import/dataset-writer';
import { formatProblem } from '../../../src/import/import-problem';
import { runImport } from '../../../src/import/postgres/run-import';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { aDataset, aParty, aPerson, aRole } from '../../unit/import/builders';
import { rowCounts } from './db-snapshot';

// PostgreSQL writes while the dataset is validated: a refused dataset must stop the writes
// rather than wait for them, and leave nothing behind.
describe('a dataset refused while its rows are being written', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'refused-while-writing-'));
    await db.orm.em.getKnex().raw(`
      create function slow_party_insert() returns trigger language plpgsql as $$
        begin perform pg_sleep(60); return null; end $$;
      create trigger slow_party_insert before insert on party
        for each statement execute function slow_party_insert();`);
    // Every value fits its column, so staging succeeds and the writes start.
    await writeDataset(
      dir,
      aDataset({
        entities: [aParty('A'), aPerson('P')],
        roles: [aRole('R1', 'P', 'A', { appointedById: 'NOBODY' })],
      }),
    );
  });
  afterAll(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('is refused at once with its problems, the writes cancelled and rolled back', async () => {
    const started = Date.now();
    const outcome = await runImport(db.orm, dir, { actor: 'tester' });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(outcome.ok ? [] : outcome.problems.map(formatProblem)).toEqual([
      'roles.csv:2: appointed_by: unknown entity "NOBODY"',
    ]);
    expect(Object.values(await rowCounts(db.orm)).every((n) => n === 0)).toBe(true);
  });
});
