import { join } from 'node:path';
import { runImport } from '../../../src/import/postgres/run-import';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { failRoleInserts, rowCounts } from './db-snapshot';

const EXAMPLE = join(__dirname, '../../fixtures/datasets/example');

describe('a database failure in the middle of an import', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await failRoleInserts(db.orm);
  });
  afterAll(() => db.drop());

  it('rolls everything back: no row, no audit entry', async () => {
    const statements: string[] = [];
    const knex = db.orm.em.getKnex();
    const listen = (q: { sql: string }) => statements.push(q.sql);
    knex.on('query', listen);
    await expect(runImport(db.orm, EXAMPLE, { actor: 'tester' })).rejects.toThrow(
      /simulated failure writing roles/,
    );
    knex.off('query', listen);

    // The failure came after parties and shareholdings had been written in the transaction.
    expect(statements.some((s) => /insert into shareholding\b/.test(s))).toBe(true);
    const counts = await rowCounts(db.orm);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    expect(Object.keys(counts)).toContain('party');
  });
});
