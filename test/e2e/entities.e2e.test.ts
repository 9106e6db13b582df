import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TestApi } from '../support/api';
import { sqlCounter } from '../support/sql-counter';

const ENTITY_COUNT = 50;

/** 50 companies, each held by a person, with a role, a family tie, a link, a guarantee and a facility. */
async function seedWideGraph(db: TestDatabase): Promise<void> {
  const conn = db.orm.em.fork().getConnection();
  const values = (f: (i: number) => string) =>
    Array.from({ length: ENTITY_COUNT }, (_, i) => f(i)).join(',');
  const pad = (i: number) => String(i).padStart(3, '0');
  await conn.execute(
    `insert into party (id, kind, name, ownership, customer, portfolio) values ${values(
      (i) => `('C-${pad(i)}','COMPANY','Company ${i}','PRIVATE',${i % 2 === 0},'RM-${i % 3}')`,
    )}, ${values((i) => `('P-${pad(i)}','PERSON','Person ${i}',null,false,null)`)}`,
  );
  await conn.execute(
    `insert into shareholding (id, holder_id, company_id, voting_pct, equity_pct, valid_from, valid_to) values ${values(
      (i) =>
        `('SH-${pad(i)}','P-${pad(i)}','C-${pad(i)}',60,55,'2020-01-01',${i % 5 === 0 ? `'2024-01-01'` : 'null'})`,
    )}`,
  );
  await conn.execute(
    `insert into role (id, holder_id, company_id, role, appointed_by_id) values ${values(
      (i) =>
        `('RO-${pad(i)}','P-${pad(i)}','C-${pad(i)}','CHAIRMAN','P-${pad((i + 1) % ENTITY_COUNT)}')`,
    )}`,
  );
  await conn.execute(
    `insert into family_tie (id, person_a_id, person_b_id, relation) values ${values(
      (i) => `('FA-${pad(i)}','P-${pad(i)}','P-${pad((i + 1) % ENTITY_COUNT)}','SIBLING')`,
    )}`,
  );
  await conn.execute(
    `insert into control_link (id, from_id, to_id, type, source) values ${values(
      (i) =>
        `('LK-${pad(i)}','C-${pad(i)}','C-${pad((i + 1) % ENTITY_COUNT)}','CENTRAL_TREASURY','contract')`,
    )}`,
  );
  await conn.execute(
    `insert into guarantee (id, guarantor_id, borrower_id, amount, currency) values ${values(
      (i) => `('GU-${pad(i)}','C-${pad((i + 2) % ENTITY_COUNT)}','C-${pad(i)}',1000000.50,'CNY')`,
    )}`,
  );
  await conn.execute(
    `insert into facility (id, borrower_id, product, limit_amount, currency, committed) values ${values(
      (i) => `('FC-${pad(i)}','C-${pad(i)}','TERM_LOAN',123456789012.34,'CNY',true)`,
    )}`,
  );
}

const EVERYTHING = /* GraphQL */ `
  query Everything($first: Int!, $asOf: Date) {
    entities(filter: { kind: COMPANY }, first: $first) {
      edges {
        node {
          id
          name
          shareholders(asOf: $asOf) {
            id
            votingPct
            equityPct
            validTo
            holder {
              id
              name
            }
            company {
              id
            }
          }
          holdings {
            id
          }
          officers {
            role
            holder {
              id
            }
            appointedBy {
              id
            }
          }
          roles {
            id
          }
          familyTies {
            relation
            personA {
              id
            }
            personB {
              id
            }
          }
          links {
            type
            from {
              id
            }
            to {
              id
            }
          }
          guarantees {
            amount
            guarantor {
              id
            }
            borrower {
              id
            }
          }
          facilities {
            limit
            borrower {
              id
            }
            guarantor {
              id
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

describe('entities over HTTP', () => {
  const sql = sqlCounter();
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase(sql.options);
    await seedWideGraph(db);
    api = await TestApi.start(db.orm);
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  it('fetches 50 entities with every relation in a constant number of statements', async () => {
    const counts: number[] = [];
    for (const first of [5, ENTITY_COUNT]) {
      sql.reset();
      const data = await api.data<{ entities: { edges: unknown[] } }>(EVERYTHING, {
        first,
        asOf: '2025-06-30',
      });
      expect(data.entities.edges).toHaveLength(first);
      counts.push(sql.count);
    }
    // One statement for the page, one per relation field, and at most one entity batch per
    // relation (edge ends are loaded when that relation's rows arrive): a bound set by the
    // query's shape, whatever the number of rows.
    const relationFields = 8;
    const bound = 1 + relationFields + relationFields;
    expect(Math.max(...counts)).toBeLessThanOrEqual(bound);
  });

  it('returns decimals as exact strings and respects asOf (validTo is exclusive)', async () => {
    const query = `query($asOf: Date) { entity(id: "C-000") {
      shareholders(asOf: $asOf) { votingPct equityPct }
      facilities { limit } guarantees { amount } } }`;
    const before = await api.data<{ entity: Record<string, { [k: string]: string }[]> }>(query, {
      asOf: '2023-12-31',
    });
    expect(before.entity.shareholders).toEqual([{ votingPct: '60', equityPct: '55' }]);
    expect(before.entity.facilities).toEqual([{ limit: '123456789012.34' }]);
    expect(before.entity.guarantees.map((g) => g.amount)).toContain('1000000.50');
    const after = await api.data<{ entity: { shareholders: unknown[] } }>(query, {
      asOf: '2024-01-01',
    });
    expect(after.entity.shareholders).toEqual([]);
  });

  it('pages through entities with a cursor', async () => {
    const page = `query($after: String) { entities(first: 30, after: $after, filter: { kind: PERSON }) {
      edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    type Page = {
      entities: {
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const one = await api.data<Page>(page);
    const two = await api.data<Page>(page, { after: one.entities.pageInfo.endCursor });
    expect(one.entities.pageInfo.hasNextPage).toBe(true);
    expect(two.entities.pageInfo.hasNextPage).toBe(false);
    const ids = [...one.entities.edges, ...two.entities.edges].map((e) => e.node.id);
    expect(ids).toHaveLength(ENTITY_COUNT);
    expect(new Set(ids).size).toBe(ENTITY_COUNT);
  });

  it('filters by name, customer and portfolio', async () => {
    const data = await api.data<{ entities: { edges: { node: { id: string } }[] } }>(
      `{ entities(first: 100, filter: { nameContains: "company 1", customer: true, portfolio: "RM-1" }) { edges { node { id } } } }`,
    );
    // Companies 1x with an even number (customer) in portfolio RM-1 (i % 3 == 1): 10, 16.
    expect(data.entities.edges.map((e) => e.node.id)).toEqual(['C-010', 'C-016']);
  });

  it.each([
    ['an unknown id', `{ entity(id: "NOPE") { id } }`, 'NOT_FOUND'],
    [
      'a malformed date',
      `{ entity(id: "C-000") { holdings(asOf: "2024-02-30") { id } } }`,
      'BAD_USER_INPUT',
    ],
    ['an oversized page', `{ entities(first: 100000) { edges { cursor } } }`, 'BAD_USER_INPUT'],
    ['a forged cursor', `{ entities(after: "bm9wZQ") { edges { cursor } } }`, 'BAD_USER_INPUT'],
  ])('answers %s with a coded error', async (_case, query, code) => {
    const res = await api.query(query);
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.errors?.[0]?.message).toMatch(/\w/);
  });
});

describe('query depth limit', () => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await createTestDatabase();
    api = await TestApi.start(db.orm);
  });
  afterAll(async () => {
    await api.stop();
    await db.drop();
  });

  it('rejects a query nested deeper than the limit (Apollo codes it GRAPHQL_VALIDATION_FAILED)', async () => {
    const nest = (levels: number): string =>
      levels === 0 ? 'id' : `holdings { company { ${nest(levels - 1)} } }`;
    const res = await api.query(`{ entity(id: "X") { ${nest(7)} } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/levels deep/);
  });
});
