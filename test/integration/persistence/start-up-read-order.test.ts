import { GRAPH_ROW_QUERIES } from '../../../src/persistence/repositories/graph-rows';
import { STORED_MEMBERSHIPS_SQL } from '../../../src/persistence/repositories/group.repository';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

interface PlanNode {
  'Node Type': string;
  Plans?: PlanNode[];
}

const nodeTypes = (node: PlanNode): string[] => [
  node['Node Type'],
  ...(node.Plans ?? []).flatMap(nodeTypes),
];

/**
 * The start-up reads every row in an order an index gives, so rows stream from the first
 * (a sort of a million rows held the loader ~1 s). On a small test table the planner would
 * sort anyway, as it is cheaper there; with sorting priced out, it sorts only when no index
 * gives the order.
 */
describe('start-up reads in index order', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  async function planOf(sql: string): Promise<string[]> {
    const em = db.orm.em.fork();
    return em.transactional(async (trx) => {
      const conn = trx.getConnection();
      await conn.execute('set local enable_sort = off', [], 'run', trx.getTransactionContext());
      const rows = await conn.execute<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
        `explain (format json) ${sql}`,
        [],
        'all',
        trx.getTransactionContext(),
      );
      return nodeTypes(rows[0]['QUERY PLAN'][0].Plan);
    });
  }

  it('reads the parties by id in byte order without sorting them', async () => {
    const plan = await planOf(GRAPH_ROW_QUERIES.entities);
    expect(plan.filter((type) => type.includes('Sort'))).toEqual([]);
  });

  it('reads the stored memberships by group, then member in byte order, without sorting', async () => {
    const plan = await planOf(STORED_MEMBERSHIPS_SQL);
    expect(plan.filter((type) => type.includes('Sort'))).toEqual([]);
  });
});
