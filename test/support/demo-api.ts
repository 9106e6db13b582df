import { loadDemoBank } from '../integration/exposure/demo-bank';
import { TestApi } from './api';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface DemoSuite {
  readonly db: TestDatabase;
  readonly api: TestApi;
}

/**
 * For a describe block: a database of its own holding the demo bank, and the API server over
 * it, from beforeAll to afterAll. Read `db` and `api` inside tests (they exist from beforeAll).
 */
export function demoBankApi(options?: Parameters<typeof createTestDatabase>[0]): DemoSuite {
  let db: TestDatabase | undefined;
  let api: TestApi | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(options);
    await loadDemoBank(db.orm);
    api = await TestApi.start(db.orm);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });
  return {
    get db() {
      if (!db) throw new Error('demoBankApi: the database exists from beforeAll on');
      return db;
    },
    get api() {
      if (!api) throw new Error('demoBankApi: the API exists from beforeAll on');
      return api;
    },
  };
}
