import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('creates every table of the dated graph', async () => {
    const rows = await db.orm.em
      .fork()
      .getConnection()
      .execute<{ table_name: string }[]>(
        `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'party',
        'shareholding',
        'role',
        'family_tie',
        'control_link',
        'guarantee',
        'manual_designation',
        'facility',
        'drawing',
        'fx_rate',
        'capital',
        'group_limit',
        'audit_log',
      ]),
    );
  });

  it('keeps the audit log append-only', async () => {
    const conn = db.orm.em.fork().getConnection();
    await conn.execute(
      `insert into audit_log (actor, action, table_name) values ('t', 'TEST', 'x')`,
    );
    await expect(conn.execute(`delete from audit_log`)).rejects.toThrow(/append-only/);
  });

  it('finds rows valid on a date through the validity range', async () => {
    const conn = db.orm.em.fork().getConnection();
    await conn.execute(
      `insert into party (id, kind, name) values ('A','PERSON','a'), ('B','COMPANY','b')`,
    );
    await conn.execute(
      `insert into shareholding (id, holder_id, company_id, voting_pct, equity_pct, valid_from, valid_to)
       values ('S1','A','B',51,51,'2024-01-01','2025-01-01')`,
    );
    const on = async (d: string) =>
      (await conn.execute(`select id from shareholding where validity @> ?::date`, [d])).length;
    expect(await on('2024-01-01')).toBe(1);
    expect(await on('2024-12-31')).toBe(1);
    expect(await on('2025-01-01')).toBe(0);
  });
});
