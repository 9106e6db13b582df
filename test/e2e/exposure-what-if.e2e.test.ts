/**
 * What-ifs over HTTP on the demo bank: a facility that crosses limits, a guarantee that moves
 * exposure into another group, an acquisition that merges groups and a disposal that splits
 * one; none of them writes a row.
 */
import { demoBankApi } from '../support/demo-api';
import { rowCounts } from '../integration/exposure/demo-bank';
import { SIMULATE_FACILITY, SIMULATE_RELATIONSHIP } from '../integration/exposure/exposure-queries';

const asOf = '2026-09-30';

interface Change {
  groupId: string;
  rule: string;
  subjectId: string | null;
  statusChanged: boolean;
  valueChange: string;
  before: { status: string } | null;
  after: { status: string } | null;
}
interface FacilityWhatIf {
  crossesLimit: boolean;
  worstStatusAfter: string;
  facility: Record<string, string>;
  groups: {
    groupId: string;
    before: { netExposure: string };
    after: { netExposure: string; shareOfTier1: string };
  }[];
  changes: Change[];
}
interface SimGroup {
  groupId: string;
  memberIds: string[];
  netExposure: string;
  worstStatus?: string;
}
interface RelationshipWhatIf {
  touchedIds: string[];
  merges: boolean;
  splits: boolean;
  events: { type: string; groupId: string; relatedGroupIds: string[]; entityIds: string[] }[];
  before: SimGroup[];
  after: SimGroup[];
}

describe('what-if over HTTP (demo bank)', () => {
  const suite = demoBankApi();

  const facility = (input: Record<string, unknown>) =>
    suite.api
      .data<{ simulateFacility: FacilityWhatIf }>(SIMULATE_FACILITY, { input, asOf })
      .then((d) => d.simulateFacility);
  const relationship = (input: Record<string, unknown>) =>
    suite.api
      .data<{ simulateRelationship: RelationshipWhatIf }>(SIMULATE_RELATIONSHIP, { input, asOf })
      .then((d) => d.simulateRelationship);

  it('shows a 2 500 000 000 loan to C-DFPS pushing Dongfang Power over its limits', async () => {
    const sim = await facility({
      borrowerId: 'C-DFPS',
      product: 'TERM_LOAN',
      amount: '2500000000',
      currency: 'CNY',
    });
    expect([sim.crossesLimit, sim.worstStatusAfter]).toEqual([true, 'BREACH']);
    expect(
      sim.groups.map((g) => [g.before.netExposure, g.after.netExposure, g.after.shareOfTier1]),
    ).toEqual([['7880000000', '10380000000', '20.76']]);
    expect(
      sim.changes.map((c) => [
        c.subjectId,
        c.rule,
        c.before?.status,
        c.after?.status,
        c.valueChange,
      ]),
    ).toEqual([
      [null, 'CONNECTED_GROUP_EXPOSURE', 'PASS', 'BREACH', '2500000000'],
      [null, 'GROUP_CREDIT_BALANCE', 'WARN', 'BREACH', '2500000000'],
      ['C-DFPS', 'SINGLE_CLIENT_EXPOSURE', 'PASS', 'PASS', '2500000000'],
      ['C-DFPS', 'SINGLE_CLIENT_LOANS', 'PASS', 'PASS', '2500000000'],
    ]);
    expect(sim.facility).toMatchObject({ facilityId: 'WHAT-IF', grossExposure: '2500000000' });
  });

  it("moves a guaranteed part into the guarantor's group and lists both groups", async () => {
    const sim = await facility({
      borrowerId: 'C-JH',
      product: 'TERM_LOAN',
      amount: '100000000',
      currency: 'USD',
      cashMargin: '10000000',
      guarantorId: 'C-HXH',
      guaranteedAmount: '50000000',
    });
    // USD 100 m at 7.10 = 710 m; margin 71 m; 355 m moves to C-HXH (Zhang family).
    expect(sim.facility).toMatchObject({ netExposure: '284000000', substituted: '355000000' });
    expect(sim.groups.map((g) => [g.before.netExposure, g.after.netExposure])).toEqual([
      ['300000000', '584000000'],
      ['2359400000', '2714400000'],
    ]);
    expect(sim.crossesLimit).toBe(false);
    expect(sim.changes.find((c) => c.subjectId === 'C-HXH')).toMatchObject({
      rule: 'SINGLE_CLIENT_EXPOSURE',
      valueChange: '355000000',
      statusChanged: false,
    });
  });

  it('shows an acquisition merging Qiangsheng into the Zhang family group', async () => {
    // 60 % of C-WQ2 to C-HXH; C-WQ1 shares C-WQ2's legal representative (R10).
    const sim = await relationship({
      addShareholding: { holderId: 'C-HXH', companyId: 'C-WQ2', votingPct: '60' },
    });
    expect([sim.merges, sim.splits]).toEqual([true, false]);
    expect(sim.before.map((g) => [g.memberIds.length, g.netExposure])).toEqual([
      [11, '2359400000'],
      [2, '10000000'],
    ]);
    expect(sim.after).toHaveLength(1);
    expect(sim.after[0].memberIds).toEqual(expect.arrayContaining(['C-WQ1', 'C-WQ2', 'C-HXH']));
    expect([sim.after[0].memberIds.length, sim.after[0].netExposure]).toEqual([13, '2369400000']);
    expect(sim.events.map((e) => e.type)).toContain('MERGED');
  });

  it('shows a disposal of C-HXS splitting the Zhang family group', async () => {
    const sim = await relationship({ end: { kind: 'SHAREHOLDING', id: 'SH-3' } });
    expect([sim.merges, sim.splits]).toEqual([false, true]);
    const after = Object.fromEntries(sim.after.map((g) => [g.memberIds.join(','), g.netExposure]));
    // C-HXS takes C-BRD (board appointments) along; C-HXL is left with 35 %: alone.
    expect(after['C-BRD,C-HXS']).toBe('1700000000');
    expect(after['C-HXL']).toBe('200000000');
    expect(sim.events.map((e) => e.type)).toContain('SPLIT');
  });

  it.each([
    [
      'two changes at once',
      {
        end: { kind: 'ROLE', id: 'RO-1' },
        addLink: { fromId: 'C-JH', toId: 'C-HXH', type: 'CENTRAL_TREASURY' },
      },
    ],
    [
      'stakes over 100 %',
      { addShareholding: { holderId: 'C-HXH', companyId: 'C-JH', votingPct: '50' } },
    ],
    ['an unknown edge', { end: { kind: 'LINK', id: 'LK-404' } }],
    [
      'an OTHER_CONTROL link without reason',
      { addLink: { fromId: 'C-JH', toId: 'C-HXH', type: 'OTHER_CONTROL' } },
    ],
  ])('rejects %s with BAD_USER_INPUT', async (_case, input) => {
    const res = await suite.api.query(SIMULATE_RELATIONSHIP, { input, asOf });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a facility guaranteed by its own borrower', async () => {
    const res = await suite.api.query(SIMULATE_FACILITY, {
      asOf,
      input: {
        borrowerId: 'C-JH',
        product: 'TERM_LOAN',
        amount: '1',
        currency: 'CNY',
        guarantorId: 'C-JH',
        guaranteedAmount: '1',
      },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('leaves every table and the audit log unchanged', async () => {
    const before = await rowCounts(suite.db.orm);
    await facility({ borrowerId: 'C-DFPS', product: 'TERM_LOAN', amount: '1000', currency: 'CNY' });
    await relationship({
      addShareholding: { holderId: 'C-HXH', companyId: 'C-WQ2', votingPct: '60' },
    });
    await relationship({ end: { kind: 'SHAREHOLDING', id: 'SH-3' } });
    expect(await rowCounts(suite.db.orm)).toEqual(before);
    expect(Number(before.audit_log)).toBeGreaterThan(0);
    // The in-memory graph is untouched too: today's group is what it was.
    const { groupOf } = await suite.api.data<{ groupOf: { memberCount: number } }>(
      `{ groupOf(entityId: "C-WQ2") { memberCount } }`,
    );
    expect(groupOf.memberCount).toBe(2);
  });
});
