/**
 * One API server per database: a second server on the same database refuses to start, with a
 * message naming the lock, and starts once the first has stopped.
 */
import pino from 'pino';
import { startAppServices } from '../../../src/services/app-services';
import { DatabaseClaimedError } from '../../../src/services/database-claim';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const log = pino({ level: 'silent' });
const today = () => '2026-11-23';

describe('claim on the database', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('lets one API server serve a database at a time', async () => {
    const first = await startAppServices(db.orm, log, { today });
    try {
      const second = startAppServices(db.orm, log, { today });
      await expect(second).rejects.toBeInstanceOf(DatabaseClaimedError);
      await expect(second).rejects.toThrow(/another API server is already serving this database/);
    } finally {
      await first.stop();
    }
    const after = await startAppServices(db.orm, log, { today });
    await after.stop();
  });

  it('a refused server leaves no connection of its own behind', async () => {
    const first = await startAppServices(db.orm, log, { today });
    const connections = async () =>
      Number(
        (
          await db.orm.em
            .fork()
            .execute<{ n: string }[]>(
              `select count(*) as n from pg_stat_activity where datname = current_database()`,
            )
        )[0].n,
      );
    try {
      const before = await connections();
      await expect(startAppServices(db.orm, log, { today })).rejects.toBeInstanceOf(
        DatabaseClaimedError,
      );
      expect(await connections()).toBe(before);
    } finally {
      await first.stop();
    }
  });
});
