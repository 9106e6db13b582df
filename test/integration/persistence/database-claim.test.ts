/**
 * One API server per database: a second server on the same database refuses to start, with a
 * message naming the lock, and starts once the first has stopped.
 */
import pino from 'pino';
import { Writable } from 'node:stream';
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
          await db.orm.em.fork().execute<{ n: string }[]>(
            `select count(*) as n from pg_stat_activity
               where datname = current_database() and application_name like 'group-exposure:%'`,
          )
        )[0].n,
      );
    try {
      const before = await connections();
      // The server's own two: its claim and its graph-change listener (the pool's vary).
      expect(before).toBe(2);
      await expect(startAppServices(db.orm, log, { today })).rejects.toBeInstanceOf(
        DatabaseClaimedError,
      );
      expect(await connections()).toBe(before);
    } finally {
      await first.stop();
    }
  });

  /** A logger whose lines the test reads. */
  function capturedLog() {
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
        done();
      },
    });
    return { log: pino({ level: 'info' }, sink), lines };
  }

  /** Ends the claim's connection and the graph-change listener's, as a stopping database does. */
  async function endOwnConnections(): Promise<void> {
    await db.orm.em.fork().execute(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid()
         and (query like '%pg_try_advisory_lock%' or query like 'listen %')`,
    );
  }

  async function lineAbout(lines: { msg: string }[], about: RegExp) {
    for (let i = 0; i < 100 && !lines.some((l) => about.test(l.msg)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return lines.find((l) => about.test(l.msg));
  }

  it('says loudly when it loses its own connections while serving', async () => {
    const { log: captured, lines } = capturedLog();
    const app = await startAppServices(db.orm, captured, { today, stopping: () => false });
    try {
      await endOwnConnections();
      expect(await lineAbout(lines, /claim/)).toMatchObject({
        level: 50,
        msg: expect.stringMatching(/restart this API server/),
      });
      expect(await lineAbout(lines, /listener/)).toMatchObject({
        level: 50,
        msg: expect.stringMatching(/go unseen until a restart/),
      });
    } finally {
      await app.stop();
    }
  });

  it('only notes it when the database ends them while the server stops', async () => {
    const { log: captured, lines } = capturedLog();
    const app = await startAppServices(db.orm, captured, { today, stopping: () => true });
    try {
      await endOwnConnections();
      for (const what of [/claim/, /listener/]) {
        expect(await lineAbout(lines, what)).toMatchObject({
          level: 30,
          msg: expect.stringMatching(/ended by the database while this server stops/),
        });
      }
    } finally {
      await app.stop();
    }
  });
});
