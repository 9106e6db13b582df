import { resolve } from 'node:path';
import pino from 'pino';
import { emptyDataset } from '../../../src/domain/model';
import { importDataset } from '../../../src/import/postgres';
import { openOrm } from '../../../src/persistence/orm';
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
    await app.stop();
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

describe('a bulk import by another process', () => {
  let db: TestDatabase;
  let app: AppServices;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDatasetDir(db.orm, resolve(__dirname, '../../../seeds/demo'));
    app = await startAppServices(db.orm, pino({ level: 'silent' }), { today: () => '2026-09-30' });
  });
  afterAll(async () => {
    await app.stop();
    await db.drop();
  });

  it('is picked up by the running server: the graph reloads and groups follow', async () => {
    expect(app.groups.currentGroupId('C-SOLO')).toBe('G-C-SOLO');
    // What `npm run import` would commit from another process: C-HXH buys 60 % of C-SOLO.
    const other = await openOrm(db.url);
    try {
      await importDataset(
        other,
        {
          ...emptyDataset(),
          shareholdings: [
            {
              id: 'SH-IMP',
              holderId: 'C-HXH',
              companyId: 'C-SOLO',
              votingPct: '60',
              equityPct: '60',
              validFrom: '2026-01-01',
              validTo: null,
              source: 'import',
            },
          ],
        },
        { actor: 'another process' },
      );
    } finally {
      await other.close(true);
    }
    for (let i = 0; i < 50 && app.groups.currentGroupId('C-SOLO') !== 'G-P-ZHANG'; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(app.groups.currentGroupId('C-SOLO')).toBe('G-P-ZHANG');
  });
});

describe('a restart on a day the groups changed', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDatasetDir(db.orm, resolve(__dirname, '../../../seeds/demo'));
  });
  afterAll(() => db.drop());

  const start = (today: string) =>
    startAppServices(db.orm, pino({ level: 'silent' }), { today: () => today });

  it('maps every entity to the group that holds it, moved ones and unmoved ones alike', async () => {
    const before = await start('2025-06-30');
    expect(before.groups.currentGroupId('C-BRD')).toBe('G-C-BRD');
    await before.stop();

    // The persisted memberships are the map until the first derivation commits.
    const after = await start('2025-07-01');
    try {
      expect(after.groups.currentGroupId('C-BRD')).toBe('G-P-ZHANG');
      const persisted = await db.orm.em
        .fork()
        .execute<{ entity_id: string; group_id: string }[]>(
          `select entity_id, group_id from group_membership order by entity_id`,
        );
      expect(persisted.length).toBeGreaterThan(10);
      for (const { entity_id, group_id } of persisted) {
        expect([entity_id, after.groups.currentGroupId(entity_id)]).toEqual([entity_id, group_id]);
        expect(after.groups.currentGroup(group_id)?.memberIds).toContain(entity_id);
      }
      expect(after.groups.currentGroup('G-C-BRD')).toBeUndefined();
    } finally {
      await after.stop();
    }
  });
});
