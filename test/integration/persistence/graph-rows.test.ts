import type { ControlGraph } from '../../../src/domain/model';
import { loadControlGraph } from '../../../src/persistence/repositories/snapshot.repository';
import { loadGraphStore } from '../../../src/services/graph-store-loader';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

/** Values COPY's text format escapes or the driver would type: through both loaders alike. */
const PARTIES = `insert into party (id, kind, name, ownership, country, uscc, lei, industry, board_seats,
  customer, portfolio) values
  ('C-1', 'COMPANY', '长江控股(深圳)有限公司 "Changjiang" Ltd.', 'PRIVATE', 'CN', '91440300000000019B',
    '54930000000000000196', 'L72', 3, true, 'RM-001'),
  ('C-2', 'COMPANY', E'tab\\there, new\\nline, back\\\\slash, \\\\N, cr\\r', null, null, null, null,
    null, null, false, null),
  ('P-ü😀', 'PERSON', 'Zoë O''Brien 😀', null, 'DE', null, null, null, null, false, E'\\\\'),
  ('P-2', 'PERSON', '\\N', null, null, null, null, null, 12, true, '')`;

const EDGES = [
  `insert into shareholding (id, holder_id, company_id, voting_pct, equity_pct, valid_from,
    valid_to, source) values
    ('SH-1', 'P-ü😀', 'C-1', 33.3333, 100, '1991-12-02', null, 'registry'),
    ('SH-2', 'C-1', 'C-2', 0.0001, 50.5, null, '2030-01-01', null),
    ('SH-3', 'P-2', 'C-2', 33.3333, 49.5, '0099-01-01', '9999-12-31', E'a\\tb')`,
  `insert into role (id, holder_id, company_id, role, appointed_by_id, valid_from, source) values
    ('R-1', 'P-2', 'C-1', 'DIRECTOR', 'C-2', '2020-02-29', 'filing'),
    ('R-2', 'P-ü😀', 'C-2', 'CHAIRMAN', null, null, null)`,
  `insert into family_tie (id, person_a_id, person_b_id, relation) values
    ('F-1', 'P-ü😀', 'P-2', 'SPOUSE')`,
];

describe('the graph read through COPY', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    const conn = db.orm.em.getConnection();
    await conn.execute(PARTIES);
    for (const sql of EDGES) await conn.execute(sql);
  });
  afterAll(() => db.drop());

  it('holds the same records as the record loader, escapes, nulls and unicode included', async () => {
    const em = db.orm.em.fork();
    const columnar = (await loadGraphStore(em)).all();
    const records = await loadControlGraph(em);
    expect(records.entities.find((e) => e.id === 'C-2')?.name).toBe(
      'tab\there, new\nline, back\\slash, \\N, cr\r',
    );
    for (const table of Object.keys(records) as (keyof ControlGraph)[]) {
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
      expect([...columnar[table]].sort(byId)).toEqual([...records[table]].sort(byId));
    }
  });

  it('reads in the caller’s transaction when there is one', async () => {
    const em = db.orm.em.fork();
    await em
      .transactional(async (trx) => {
        await trx
          .getConnection()
          .execute(`delete from family_tie`, [], 'run', trx.getTransactionContext());
        const store = await loadGraphStore(trx);
        expect(store.all().familyTies).toEqual([]);
        expect(store.entityCount).toBe(4);
        throw new Error('roll back');
      })
      .catch((err: Error) => expect(err.message).toBe('roll back'));
  });
});
