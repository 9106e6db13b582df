import { join } from 'node:path';
import { formatProblem } from '../../../src/import/import-problem';
import { runImport } from '../../../src/import/postgres/run-import';
import type { Orm } from '../../../src/persistence/orm';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { auditRows, failRoleInserts, rowCounts, snapshot } from './db-snapshot';

const FIXTURES = join(__dirname, '../../fixtures/datasets');
// Every file, however small, takes the bulk-load path: indexes and foreign keys dropped,
// rows written, then both put back, all in the import's transaction.
const BULK = { actor: 'tester', bulkMinRows: 1 };

/** Every constraint and index of the schema, as PostgreSQL would re-create it. */
async function schemaDefinitions(orm: Orm): Promise<string[]> {
  const { rows } = await orm.em.getKnex().raw<{ rows: { def: string }[] }>(`
    select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) as def
    from pg_constraint where connamespace = 'public'::regnamespace
    union all
    select indexdef from pg_indexes where schemaname = 'public'
    order by 1`);
  return rows.map((r) => r.def);
}

describe('an import in bulk-load mode', () => {
  let db: TestDatabase;
  let schema: string[];
  beforeAll(async () => {
    db = await createTestDatabase();
    schema = await schemaDefinitions(db.orm);
  });
  afterAll(() => db.drop());

  it('writes every row and leaves every index and constraint as the migrations made it', async () => {
    const outcome = await runImport(db.orm, join(FIXTURES, 'example'), BULK);
    expect(outcome).toMatchObject({ ok: true });
    expect(await rowCounts(db.orm)).toMatchObject({ party: 25, shareholding: 18, drawing: 9 });
    expect(await schemaDefinitions(db.orm)).toEqual(schema);
  });

  it('re-imports the same rows as unchanged, bumping no version', async () => {
    const outcome = await runImport(db.orm, join(FIXTURES, 'example'), BULK);
    if (!outcome.ok) throw new Error(outcome.problems.map(formatProblem).join('\n'));
    for (const f of outcome.summary.files) expect([f.inserted, f.updated]).toEqual([0, 0]);
    const { rows } = await db.orm.em
      .getKnex()
      .raw(`select max(version)::int as v from party union all select max(version) from role`);
    expect(rows).toEqual([{ v: 1 }, { v: 1 }]);
  });

  it('refuses a faulty dataset row by row, even where COPY refuses a value, and changes nothing', async () => {
    const before = [await rowCounts(db.orm), await auditRows(db.orm), await snapshot(db.orm)];

    const outcome = await runImport(db.orm, join(FIXTURES, 'faulty'), BULK);

    if (outcome.ok) throw new Error('the faulty dataset was imported');
    // shareholdings.csv:8 holds 2024-02-30, which no date column takes.
    expect(outcome.problems.map(formatProblem)).toContain(
      'shareholdings.csv:8: valid_from: "2024-02-30" is not a date (YYYY-MM-DD)',
    );
    expect(outcome.problems).toHaveLength(16);
    expect([await rowCounts(db.orm), await auditRows(db.orm), await snapshot(db.orm)]).toEqual(
      before,
    );
    expect(await schemaDefinitions(db.orm)).toEqual(schema);
  });
});

describe('a database failure in the middle of a bulk load', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await failRoleInserts(db.orm);
  });
  afterAll(() => db.drop());

  it('rolls back the rows and the dropped indexes and foreign keys alike', async () => {
    const schema = await schemaDefinitions(db.orm);
    await expect(runImport(db.orm, join(FIXTURES, 'example'), BULK)).rejects.toThrow(
      /simulated failure writing roles/,
    );
    expect(Object.values(await rowCounts(db.orm)).every((n) => n === 0)).toBe(true);
    expect(await schemaDefinitions(db.orm)).toEqual(schema);
  });
});
