import { join } from 'node:path';
import { Client, type Notification } from 'pg';
import { GRAPH_CHANGED_CHANNEL } from '../../../src/import/postgres/import-dataset';
import { runImport } from '../../../src/import/postgres/run-import';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const FIXTURES = join(__dirname, '../../fixtures/datasets');

describe('running servers hear of an import', () => {
  let db: TestDatabase;
  let listener: Client;
  const heard: Notification[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    listener = new Client({ connectionString: db.url });
    await listener.connect();
    listener.on('notification', (n) => heard.push(n));
    await listener.query(`listen ${GRAPH_CHANGED_CHANNEL}`);
  });
  afterAll(async () => {
    await listener.end();
    await db.drop();
  });

  // A round trip on the listening connection delivers whatever was notified before it.
  const settle = () => listener.query('select 1');

  it('once per committed import, in bulk-load mode too, and never for a refused one', async () => {
    await runImport(db.orm, join(FIXTURES, 'example'), { actor: 'tester', bulkMinRows: 1 });
    await settle();
    expect(heard.map((n) => [n.channel, n.payload])).toEqual([[GRAPH_CHANGED_CHANNEL, 'import']]);

    const refused = await runImport(db.orm, join(FIXTURES, 'faulty'), { actor: 'tester' });
    await settle();
    expect(refused.ok).toBe(false);
    expect(heard).toHaveLength(1);
  });
});
