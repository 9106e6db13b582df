/**
 * The SQL a group-exposure request costs does not grow with the group: the books are read by
 * member-id lists, one statement per table, for a group of 3 members as for one of 40.
 */
import { TestApi } from '../support/api';
import { sqlCounter } from '../support/sql-counter';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const SIZES = { S: 3, B: 40 } as const;

/** Person P-x holds 60 % of x-001…x-n, each with a drawn loan; one outsider guaranteed by x-001. */
async function seedStars(db: TestDatabase): Promise<void> {
  const conn = db.orm.em.fork().getConnection();
  const pad = (i: number) => String(i).padStart(3, '0');
  for (const [x, n] of Object.entries(SIZES)) {
    const ids = Array.from({ length: n }, (_, i) => `${x}-${pad(i + 1)}`);
    const values = (f: (id: string) => string) => ids.map(f).join(',');
    await conn.execute(
      `insert into party (id, kind, name, ownership, customer) values
       ('P-${x}','PERSON','Person ${x}',null,false), ('O-${x}','COMPANY','Outsider ${x}','PRIVATE',true),
       ${values((id) => `('${id}','COMPANY','Company ${id}','PRIVATE',true)`)}`,
    );
    await conn.execute(
      `insert into shareholding (id, holder_id, company_id, voting_pct, equity_pct) values
       ${values((id) => `('SH-${id}','P-${x}','${id}',60,60)`)}`,
    );
    await conn.execute(
      `insert into facility (id, borrower_id, product, limit_amount, currency, committed, guarantor_id, guaranteed_amount) values
       ${values((id) => `('FC-${id}','${id}','TERM_LOAN',1000000,'CNY',true,null,null)`)},
       ('FC-O-${x}','O-${x}','OVERDRAFT',500000,'USD',false,'${ids[0]}',100000)`,
    );
    await conn.execute(
      `insert into drawing (facility_id, as_of, drawn) values
       ${values((id) => `('FC-${id}','2026-06-30',400000), ('FC-${id}','2026-09-30',600000)`)},
       ('FC-O-${x}','2026-09-30',200000)`,
    );
    await conn.execute(
      `insert into group_limit (id, member_id, limit_amount, currency) values ('GL-${x}','${ids[1]}',${n}000000,'CNY')`,
    );
    await conn.execute(
      `insert into group_sub_limit (group_limit_id, member_id, limit_amount, currency) values ('GL-${x}','${ids[0]}',900000,'CNY')`,
    );
  }
  await conn.execute(
    `insert into capital (as_of, tier1_capital, net_capital, currency) values ('2026-01-01',1000000000,1200000000,'CNY')`,
  );
  await conn.execute(
    `insert into fx_rate (currency, as_of, rate) values ('USD','2026-06-30',7.2), ('USD','2026-09-30',7.1)`,
  );
}

const GROUP_EXPOSURE = `query($id: ID!, $asOf: Date) {
  groupOf(entityId: $id, asOf: $asOf) {
    exposure {
      memberIds netExposure groupLimit headroom checks { status }
      members { entityId subLimit checks { rule } }
      facilities { facilityId } substitutionsIn { facilityId }
    }
  }
}`;

const VIA_ENTITY = `query($id: ID!, $asOf: Date) {
  entity(id: $id) { exposure(asOf: $asOf) { netExposure group { netExposure members { entityId } } } }
}`;

const PORTFOLIO = `query($asOf: Date) {
  largeExposures(asOf: $asOf) { groupId }
  topGroups(asOf: $asOf, first: 5) { groupId members { entityId } }
  limitAlerts(asOf: $asOf) { group { groupId } }
}`;

describe('SQL cost of exposure over HTTP', () => {
  const sql = sqlCounter();
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase(sql.options);
    await seedStars(db);
    api = await TestApi.start(db.orm);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  async function statements(query: string, variables: Record<string, unknown>) {
    sql.reset();
    const data = await api.data<Record<string, unknown>>(query, variables);
    return { count: sql.count, data };
  }

  it.each([
    ['a past date', '2026-09-30'],
    ['today', null],
  ])('reads a group of 3 and a group of 40 in the same statements (%s)', async (_case, asOf) => {
    const small = await statements(GROUP_EXPOSURE, { id: 'S-002', asOf });
    const big = await statements(GROUP_EXPOSURE, { id: 'B-002', asOf });
    const members = (r: typeof small) =>
      (r.data as { groupOf: { exposure: { memberIds: string[] } } }).groupOf.exposure.memberIds;
    expect([members(small).length, members(big).length]).toEqual([SIZES.S + 1, SIZES.B + 1]);
    // Facilities, drawings, FX rates, capital, group limits, sub-limits.
    expect(small.count).toBe(6);
    expect(big.count).toBe(small.count);
  });

  it('measures the group correctly, guarantee substitution and sub-limit included', async () => {
    const { data } = await statements(GROUP_EXPOSURE, { id: 'S-001', asOf: '2026-09-30' });
    const g = (data as { groupOf: { exposure: Record<string, unknown> } }).groupOf.exposure;
    // 3 × (600 000 + 40 % × 400 000) + USD 100 000 × 7.10 moved in from FC-O-S.
    expect(g).toMatchObject({ netExposure: '2990000', groupLimit: '3000000', headroom: '10000' });
    expect(g.substitutionsIn).toEqual([{ facilityId: 'FC-O-S' }]);
    const members = g.members as { entityId: string; subLimit: string | null }[];
    expect(members.map((m) => [m.entityId, m.subLimit])).toEqual([
      ['P-S', null],
      ['S-001', '900000'],
      ['S-002', null],
      ['S-003', null],
    ]);
  });

  it('reads a client and its group in a bounded number of statements, whatever the size', async () => {
    const small = await statements(VIA_ENTITY, { id: 'S-001', asOf: '2026-09-30' });
    const big = await statements(VIA_ENTITY, { id: 'B-001', asOf: '2026-09-30' });
    // The entity row, the client's books, the group's books.
    expect(small.count).toBeLessThanOrEqual(1 + 6 + 6);
    expect(big.count).toBe(small.count);
  });

  it('answers the portfolio views of one date from one read of the books', async () => {
    const { count, data } = await statements(PORTFOLIO, { asOf: '2026-09-30' });
    expect((data as { topGroups: unknown[] }).topGroups).toHaveLength(4);
    expect(count).toBe(6);
  });
});
