/**
 * A write whose re-derivation outgrows the scope limits in a large bank re-derives the whole
 * bank through the engine's full derivation (the server's worker), inside the write's
 * transaction: the same groups, ids, events and persisted memberships as any other path.
 * Limits of one entity and a "large" bank of any size force that path on the demo bank.
 */
import { resolve } from 'node:path';
import pino from 'pino';
import type { Shareholding } from '../../../src/domain/model';
import { GraphWriteService } from '../../../src/services/graph-write/graph-write.service';
import { startAppServices, type AppServices } from '../../../src/services/app-services';
import { TEST_TODAY } from '../../support/api';
import { loadDatasetDir } from '../../support/load-dataset';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const DEMO = resolve(__dirname, '../../../seeds/demo');
const FORCE_WHOLE_BANK = { maxEntities: 1, maxRounds: 25, wholeBankAbove: 0 };

describe('a write past the scope limits in a large bank', () => {
  let db: TestDatabase;
  let app: AppServices;
  const start = (writeLimits?: typeof FORCE_WHOLE_BANK) =>
    startAppServices(db.orm, pino({ level: 'silent' }), { today: () => TEST_TODAY, writeLimits });

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDatasetDir(db.orm, DEMO);
    app = await start(FORCE_WHOLE_BANK);
  });
  afterAll(async () => {
    await app.stop();
    await db.drop();
  });

  it('re-derives the whole bank: the merge, its event and its memberships as any path gives', async () => {
    const writer = new GraphWriteService(app, db.orm.em.fork(), 'steward');
    // C-HXS buys 60 % of C-WQ2: the Qiangsheng group joins the Zhang family's.
    const stake: Shareholding = {
      id: 'SH-BIG',
      holderId: 'C-HXS',
      companyId: 'C-WQ2',
      votingPct: '60',
      equityPct: '60',
      validFrom: '2026-10-01',
      validTo: null,
      source: 'registry',
    };
    const result = await writer.putEdge('SHAREHOLDING', stake, null);
    expect(app.groups.lastWritePath).toBe('bank');
    expect(result.events).toContainEqual(
      expect.objectContaining({
        type: 'MERGED',
        groupId: 'G-P-ZHANG',
        relatedGroupIds: ['G-C-WQ1'],
      }),
    );
    expect(app.groups.currentGroupId('C-WQ1')).toBe('G-P-ZHANG');
    const [{ group_id }] = await db.orm.em
      .fork()
      .execute<{ group_id: string }[]>(
        `select group_id from group_membership where entity_id = 'C-WQ1'`,
      );
    expect(group_id).toBe('G-P-ZHANG');

    // The kept facts were replaced by the whole bank's: a later write on the scoped paths
    // (no limits) agrees with a fresh start.
    const groupsAfter = app.groups.currentGroup('G-P-ZHANG')!.memberIds;
    await app.stop();
    app = await start();
    expect(app.groups.currentGroup('G-P-ZHANG')!.memberIds).toEqual(groupsAfter);
    await new GraphWriteService(app, db.orm.em.fork(), 'steward').endEdge(
      'SHAREHOLDING',
      'SH-BIG',
      TEST_TODAY,
      null,
    );
    expect(app.groups.lastWritePath).not.toBe('bank');
    expect(app.groups.currentGroupId('C-WQ1')).toBe('G-C-WQ1');
  });
});
