import { resolve } from 'node:path';
import pino from 'pino';
import { startAppServices, type AppServices } from '../../../src/services/app-services';
import { loadDatasetDir } from '../../support/load-dataset';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

describe('group engine across a change of date', () => {
  let db: TestDatabase;
  let app: AppServices;
  let today = '2025-06-30';

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDatasetDir(db.orm, resolve(__dirname, '../../../seeds/demo'));
    app = await startAppServices(db.orm, pino({ level: 'silent' }), { today: () => today });
  });
  afterAll(async () => {
    app.stop();
    await db.drop();
  });

  const persistedGroupOf = async (id: string) =>
    (
      await db.orm.em
        .fork()
        .execute<{ group_id: string }[]>(
          `select group_id from group_membership where entity_id = ?`,
          [id],
        )
    )[0].group_id;

  it('re-derives when the board appointments of 2025-07-01 take effect', async () => {
    expect(app.groups.currentGroupId('C-BRD')).toBe('G-C-BRD');

    today = '2025-07-01';
    await app.groups.ensureCurrent(db.orm.em.fork());

    expect(app.groups.currentGroupId('C-BRD')).toBe('G-P-ZHANG');
    expect(await persistedGroupOf('C-BRD')).toBe('G-P-ZHANG');
    const events = await db.orm.em
      .fork()
      .execute<{ type: string; group_id: string; entity_ids: string[]; cause: string }[]>(
        `select type, group_id, entity_ids, cause from group_event where date = '2025-07-01'`,
      );
    expect(events).toContainEqual({
      type: 'JOINED',
      group_id: 'G-P-ZHANG',
      entity_ids: ['C-BRD'],
      cause: 'date changed to 2025-07-01',
    });
  });

  it('does nothing while the date stays the same', async () => {
    const before = await db.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from group_event`);
    await app.groups.ensureCurrent(db.orm.em.fork());
    const after = await db.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from group_event`);
    expect(after).toEqual(before);
  });
});
