import { join } from 'node:path';
import { runImport } from '../../../src/import/postgres/run-import';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { auditRows, rowCounts } from './db-snapshot';

const EXAMPLE = join(__dirname, '../../fixtures/datasets/example');

describe('importing the example dataset', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('writes every row of every file, in batches, with one audit row per file', async () => {
    const statements: string[] = [];
    const knex = db.orm.em.getKnex();
    const listen = (q: { sql: string }) => statements.push(q.sql);
    knex.on('query', listen);
    const outcome = await runImport(db.orm, EXAMPLE, { actor: 'tester', batchSize: 10 });
    knex.off('query', listen);

    expect(outcome).toMatchObject({ ok: true });
    expect(await rowCounts(db.orm)).toEqual({
      party: 25,
      shareholding: 18,
      role: 9,
      family_tie: 2,
      control_link: 3,
      guarantee: 2,
      facility: 8,
      drawing: 9,
      fx_rate: 3,
      capital: 1,
      group_limit: 1,
      audit_log: 11,
    });
    // Staged by COPY (in chunks of 10 rows here), then one upsert per file, not one per row.
    const upserts = statements.join(';\n').match(/insert into party\b/g);
    expect(upserts).toHaveLength(1);
    const audit = await auditRows(db.orm);
    expect(audit.map((a) => [a.actor, a.action, a.table_name])).toContainEqual([
      'tester',
      'IMPORT',
      'shareholding',
    ]);
    expect(audit.find((a) => a.table_name === 'party')?.after).toEqual({
      file: 'entities.csv',
      rows: 25,
      inserted: 25,
      updated: 0,
      unchanged: 0,
    });
  });

  it('stores equity_pct as voting_pct where the file leaves it out, decimals canonical', async () => {
    const knex = db.orm.em.getKnex();
    const { rows } = await knex.raw(
      `select voting_pct::text as v, equity_pct::text as e from shareholding where id = 'SH-1'`,
    );
    expect(rows).toEqual([{ v: '70', e: '70' }]);
    const fx = await knex.raw(
      `select rate::text as r from fx_rate where currency = 'USD' order by as_of`,
    );
    expect(fx.rows.map((r: { r: string }) => r.r)).toEqual(['7.2', '7.1']);
  });

  it('re-imports the same files as unchanged, bumping no version', async () => {
    const outcome = await runImport(db.orm, EXAMPLE, { actor: 'tester' });
    if (!outcome.ok) throw new Error('rejected');
    expect(outcome.summary.files.map((f) => [f.file, f.inserted, f.updated])).toEqual(
      outcome.summary.files.map((f) => [f.file, 0, 0]),
    );
    const { rows } = await db.orm.em.getKnex().raw(`select max(version) as v from party`);
    expect(rows[0].v).toBe(1);
  });
});
