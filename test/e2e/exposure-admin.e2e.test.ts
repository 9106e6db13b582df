/**
 * Admin changes over HTTP on the demo bank: policy versions, capital, the unified group limit
 * and member sub-limits. Each is audited (before and after), takes effect in exposure at once,
 * and a rejected change writes nothing.
 */
import { demoBankApi } from '../support/demo-api';
import { rowCounts } from '../integration/exposure/demo-bank';
import {
  GROUP_OF,
  POLICY,
  RECORD_CAPITAL,
  SET_GROUP_LIMIT,
  SET_POLICY,
  SET_SUB_LIMITS,
} from '../integration/exposure/exposure-queries';
import { DEFAULT_EXPOSURE_POLICY } from '../../src/domain/policy';

const asOf = '2026-09-30';
const ADMIN = { 'x-actor': 'admin-li' };

interface AuditRow {
  actor: string;
  action: string;
  row_id: string | null;
  before: unknown;
  after: unknown;
  note: string | null;
}

interface StoredPolicy {
  policy: { exposure: { limitChecks: { name: string; limitPct: string }[] } };
}

interface Exposure {
  groupLimitId: string | null;
  groupLimit: string | null;
  headroom: string | null;
  shareOfTier1: string;
  checks: { rule: string; subjectId: string | null; status: string }[];
  members: { entityId: string; subLimit: string | null; subLimitHeadroom: string | null }[];
}

describe('policy, capital and group limits over HTTP (demo bank)', () => {
  const suite = demoBankApi();

  const exposureOf = async (entityId: string, date = asOf) =>
    (await suite.api.data<{ groupOf: { exposure: Exposure } }>(GROUP_OF, { entityId, asOf: date }))
      .groupOf.exposure;
  const audit = (table: string) =>
    suite.db.orm.em
      .fork()
      .getConnection()
      .execute<AuditRow[]>(
        `select actor, action, row_id, before, after, note from audit_log where table_name = ? and actor = ? order by id`,
        [table, ADMIN['x-actor']],
      );
  const mutate = (query: string, variables: Record<string, unknown>) =>
    suite.api.query<Record<string, unknown>>(query, variables, ADMIN);

  it('shows the default policy and the capital in force', async () => {
    const { policy } = await suite.api.data<{ policy: Record<string, unknown> }>(POLICY, { asOf });
    expect(policy).toMatchObject({
      validFrom: null,
      control: { majorityThresholdPct: '50', stateExemption: true, disabledRules: [] },
      exposure: { reportingCurrency: 'CNY', warnLevelsPct: ['80', '90'] },
      capital: { asOf: '2026-06-30', tier1Capital: '50000000000', netCapital: '62000000000' },
    });
  });

  it('rejects an invalid policy with every problem and writes nothing', async () => {
    const before = await rowCounts(suite.db.orm);
    const res = await mutate(SET_POLICY, {
      validFrom: '2027-01-01',
      input: {
        control: { keyExecutivesRequired: 4 },
        exposure: {
          warnLevelsPct: ['90', '80'],
          productCcf: [{ product: 'TERM_LOAN', ccfPct: '50' }],
        },
      },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.problems).toEqual([
      'exposure policy: productCcfPct.TERM_LOAN is on balance sheet and must be 100',
      'exposure policy: warnLevelsPct must be increasing (first below second)',
      'control-policy: keyExecutivesRequired must be an integer from 1 to 3',
    ]);
    expect(await rowCounts(suite.db.orm)).toEqual(before);
  });

  it('asks for a note before changing the policy of a past date', async () => {
    const res = await mutate(SET_POLICY, { validFrom: asOf, input: { exposure: {} } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('makes a lowered group limit % effective from its date, and audits it', async () => {
    expect(
      (await exposureOf('C-DFP')).checks.find((c) => c.rule === 'CONNECTED_GROUP_EXPOSURE')?.status,
    ).toBe('PASS');
    const limitChecks = DEFAULT_EXPOSURE_POLICY.limitChecks.map((c) =>
      c.name === 'CONNECTED_GROUP_EXPOSURE' ? { ...c, limitPct: '15' } : c,
    );
    const res = await mutate(SET_POLICY, {
      validFrom: asOf,
      input: { exposure: { limitChecks } },
      note: 'board resolution 2026-41, effective at the quarter end',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.setPolicy).toMatchObject({ validFrom: asOf, recordedBy: 'admin-li' });

    const status = async (date: string) =>
      (await exposureOf('C-DFP', date)).checks.find((c) => c.rule === 'CONNECTED_GROUP_EXPOSURE')
        ?.status;
    expect(await status(asOf)).toBe('BREACH');
    expect(await status('2026-09-29')).toBe('PASS');

    const [row] = await audit('policy_version');
    expect(row).toMatchObject({ actor: 'admin-li', action: 'INSERT', row_id: asOf });
    const pct = (side: unknown) =>
      (side as StoredPolicy).policy.exposure.limitChecks.find(
        (c) => c.name === 'CONNECTED_GROUP_EXPOSURE',
      )?.limitPct;
    expect([pct(row.before), pct(row.after)]).toEqual(['20', '15']);
    expect(row.note).toMatch(/board resolution/);
  });

  it("re-derives today's groups when the control policy changes", async () => {
    const members = `query { groupOf(entityId: "C-DFG") { memberCount } }`;
    expect(
      (await suite.api.data<{ groupOf: { memberCount: number } }>(members)).groupOf.memberCount,
    ).toBe(1);
    const res = await mutate(SET_POLICY, {
      validFrom: '2026-11-01',
      note: 'test: state control joins groups',
      input: { control: { stateExemption: false } },
    });
    expect(res.errors).toBeUndefined();
    // S-SASAC now joins C-DFP (51 %, with C-DFPS) and C-DFG (80 %).
    expect(
      (await suite.api.data<{ groupOf: { memberCount: number } }>(members)).groupOf.memberCount,
    ).toBe(4);
  });

  it('records a capital row, audited, and measures shares against it', async () => {
    const res = await mutate(RECORD_CAPITAL, {
      input: { asOf, tier1Capital: '40000000000', netCapital: '50000000000.00', currency: 'CNY' },
    });
    expect(res.data?.recordCapital).toEqual({
      asOf,
      tier1Capital: '40000000000',
      netCapital: '50000000000',
      currency: 'CNY',
    });
    expect((await exposureOf('C-HXS')).shareOfTier1).toBe('5.8985');
    // The day before, the 2026-06-30 row (Tier 1 50 000 000 000) and that day's books apply.
    expect((await exposureOf('C-HXS', '2026-09-29')).shareOfTier1).toBe('3.184');
    const [row] = await audit('capital');
    expect(row).toMatchObject({ actor: 'admin-li', action: 'INSERT', before: null });
  });

  it('rejects a sub-limit above the group limit, naming the member and the amounts', async () => {
    const before = await rowCounts(suite.db.orm);
    const res = await mutate(SET_SUB_LIMITS, {
      groupMemberId: 'C-HXS',
      asOf,
      subLimits: [{ memberId: 'C-HXS', limit: '4000000000', currency: 'CNY' }],
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain(
      "C-HXS's sub-limit 4 000 000 000 CNY exceeds the group limit GL-1 of 3 500 000 000 CNY",
    );
    expect(await rowCounts(suite.db.orm)).toEqual(before);
  });

  it('rejects a sub-limit for an entity outside the group', async () => {
    const res = await mutate(SET_SUB_LIMITS, {
      groupMemberId: 'C-HXS',
      asOf,
      subLimits: [{ memberId: 'C-DFP', limit: '1', currency: 'CNY' }],
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/C-DFP is not a member/);
  });

  it('sets sub-limits, audited, shown in the member breakdown', async () => {
    const subLimits = [
      { memberId: 'C-HXS', limit: '2000000000', currency: 'CNY' },
      { memberId: 'C-NAT', limit: '100000000', currency: 'USD' },
    ];
    const res = await mutate(SET_SUB_LIMITS, { groupMemberId: 'C-HXL', asOf, subLimits });
    expect(res.errors).toBeUndefined();
    expect(res.data?.setSubLimits).toMatchObject({ id: 'GL-1', subLimits });
    const members = (await exposureOf('C-HXS')).members;
    expect(members.find((m) => m.entityId === 'C-HXS')).toMatchObject({
      subLimit: '2000000000',
      subLimitHeadroom: '300000000',
    });
    expect(members.find((m) => m.entityId === 'C-NAT')?.subLimit).toBe('710000000');
    const [row] = await audit('group_sub_limit');
    expect(row).toMatchObject({ action: 'REPLACE', row_id: 'GL-1', before: [], after: subLimits });
  });

  it('supersedes the group limit from a date, carrying the sub-limits over', async () => {
    const res = await mutate(SET_GROUP_LIMIT, {
      memberId: 'C-HXH',
      limit: '4000000000',
      currency: 'CNY',
      validFrom: '2026-10-01',
    });
    expect(res.errors).toBeUndefined();
    const limit = res.data?.setGroupLimit as Record<string, unknown>;
    expect(limit).toMatchObject({ validFrom: '2026-10-01', validTo: null, limit: '4000000000' });
    expect(limit.subLimits).toHaveLength(2);
    expect((await exposureOf('C-HXS', asOf)).groupLimit).toBe('3500000000');
    const october = await exposureOf('C-HXS', '2026-10-01');
    expect([october.groupLimitId, october.groupLimit]).toEqual([limit.id, '4000000000']);
    const rows = await audit('group_limit');
    expect(rows.map((r) => [r.action, r.row_id])).toEqual([
      ['UPDATE', 'GL-1'],
      ['INSERT', limit.id],
    ]);
    expect((rows[0].after as { validTo: string }).validTo).toBe('2026-10-01');
  });

  it('refuses a group limit below its sub-limits and writes nothing', async () => {
    const before = await rowCounts(suite.db.orm);
    const res = await mutate(SET_GROUP_LIMIT, {
      memberId: 'C-HXS',
      limit: '1000000000',
      currency: 'CNY',
      validFrom: '2026-11-01',
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/sum to 2 710 000 000 CNY, above the group limit/);
    expect(await rowCounts(suite.db.orm)).toEqual(before);
  });
});
