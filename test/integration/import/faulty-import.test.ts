import { join } from 'node:path';
import { formatProblem } from '../../../src/import/import-problem';
import { runImport } from '../../../src/import/postgres/run-import';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { auditRows, rowCounts, snapshot } from './db-snapshot';

const FIXTURES = join(__dirname, '../../fixtures/datasets');

describe('a faulty dataset', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    const loaded = await runImport(db.orm, join(FIXTURES, 'example'), { actor: 'tester' });
    expect(loaded).toMatchObject({ ok: true });
  });
  afterAll(() => db.drop());

  it('is rejected with exactly one line per fault, and the database is unchanged', async () => {
    const [counts, audit, rows] = await Promise.all([
      rowCounts(db.orm),
      auditRows(db.orm),
      snapshot(db.orm),
    ]);

    const outcome = await runImport(db.orm, join(FIXTURES, 'faulty'), { actor: 'tester' });

    if (outcome.ok) throw new Error('the faulty dataset was imported');
    expect(outcome.problems.map(formatProblem)).toEqual([
      'entities.csv:3: uscc: invalid 统一社会信用代码: check character is 2, expected 1',
      'entities.csv:4: kind: "COMPNY" is not one of COMPANY, PERSON, INSTITUTION, STATE',
      'entities.csv:5: lei: invalid LEI: check digits are 59, expected 58',
      'entities.csv:7: customer: "yes" is not true or false',
      'entities.csv:8: id: duplicate id "A" (first on line 2)',
      'shareholdings.csv:3: voting_pct: voting stakes in "A" sum to 110 on 2022-01-01, over 100',
      'shareholdings.csv:4: company: self-ownership: both ends are "B"',
      'shareholdings.csv:5: company: unknown entity "ZZZ"',
      'shareholdings.csv:6: voting_pct: 120: percentage out of range (0 < p ≤ 100)',
      'shareholdings.csv:7: voting_pct: "1,000" is not a decimal (digits with an optional "." part)',
      'shareholdings.csv:8: valid_from: "2024-02-30" is not a date (YYYY-MM-DD)',
      'shareholdings.csv:9: valid_to: valid_to 2023-01-01 is not after valid_from 2024-01-01',
      'links.csv:2: reason: required for OTHER_CONTROL',
      'facilities.csv:2: guaranteed_amount: required when a guarantor is given',
      'drawings.csv:2: facility: unknown facility "F9"',
      'group_limits.csv:1: limit_cny: unknown column (expected id, member, limit, currency, valid_from, valid_to)',
    ]);
    expect(await rowCounts(db.orm)).toEqual(counts);
    expect(await auditRows(db.orm)).toEqual(audit);
    expect(await snapshot(db.orm)).toEqual(rows);
  });
});
