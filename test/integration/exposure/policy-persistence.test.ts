/**
 * Policy versions and capital persist: a restarted process reads the same policy in force on
 * every date, and a failed change leaves neither a row nor an in-memory version behind.
 */
import pino from 'pino';
import { DEFAULT_POLICY } from '../../../src/domain/policy';
import { startAppServices, type AppServices } from '../../../src/services/app-services';
import { PolicyService } from '../../../src/services/policy/policy.service';
import { PolicyStore } from '../../../src/services/policy/policy-store';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

const TODAY = '2026-11-23';

describe('policy persistence', () => {
  let db: TestDatabase;
  let app: AppServices;
  const service = () => new PolicyService(app, db.orm.em.fork());

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startAppServices(db.orm, pino({ level: 'silent' }), { today: () => TODAY });
  });
  afterAll(async () => {
    await app.stop();
    await db.drop();
  });

  it('reads back the versions in force on each date after a restart', async () => {
    await service().setPolicy(
      { exposure: { largeExposureThresholdPct: '10' } },
      '2027-01-01',
      'a',
      null,
    );
    await service().setPolicy(
      { exposure: { warnLevelsPct: ['70', '85'] } },
      '2027-07-01',
      'b',
      null,
    );
    const reloaded = await PolicyStore.load(db.orm.em.fork());
    expect(reloaded.inForce('2026-12-31')).toMatchObject({
      validFrom: null,
      policy: DEFAULT_POLICY,
    });
    expect(reloaded.inForce('2027-03-01')).toMatchObject({
      validFrom: '2027-01-01',
      recordedBy: 'a',
    });
    // A later version builds on the one in force at its date.
    expect(reloaded.policyOn('2027-07-01').exposure).toMatchObject({
      largeExposureThresholdPct: '10',
      warnLevelsPct: ['70', '85'],
    });
    expect(app.policy()).toEqual(DEFAULT_POLICY);
  });

  it('replaces the version of the same date and audits it as an update', async () => {
    await service().setPolicy(
      { exposure: { largeExposureThresholdPct: '5' } },
      '2027-01-01',
      'c',
      null,
    );
    const [{ n }] = await db.orm.em
      .fork()
      .getConnection()
      .execute<{ n: string }[]>(`select count(*)::text as n from policy_version`);
    expect(n).toBe('2');
    const rows = await db.orm.em
      .fork()
      .getConnection()
      .execute<{ action: string; actor: string }[]>(
        `select action, actor from audit_log where table_name = 'policy_version' order by id`,
      );
    expect(rows.map((r) => `${r.action} ${r.actor}`)).toEqual(['INSERT a', 'INSERT b', 'UPDATE c']);
    expect(app.policies.policyOn('2027-02-01').exposure.largeExposureThresholdPct).toBe('5');
  });

  it('keeps nothing of a change whose transaction fails', async () => {
    const before = app.policies.list().length;
    const failing = new PolicyService(app, db.orm.em.fork());
    // The version row refuses a null recorder: the transaction fails after the in-memory put.
    await expect(
      failing.setPolicy({ exposure: {} }, '2028-01-01', null as unknown as string, null),
    ).rejects.toThrow();
    expect(app.policies.list()).toHaveLength(before);
    expect(app.policies.version('2028-01-01')).toBeUndefined();
  });
});
