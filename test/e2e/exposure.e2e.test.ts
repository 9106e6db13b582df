/**
 * EXPECTED.md's exposure figures over HTTP, on the demo bank (seeds/demo), on both dates it
 * gives: the Zhang family group through groupOf, Dongfang Power's four named checks, the
 * other groups, single clients and the portfolio views.
 */
import { demoBankApi } from '../support/demo-api';
import { ENTITY_EXPOSURE, GROUP_OF, PORTFOLIO } from '../integration/exposure/exposure-queries';

interface Check {
  rule: string;
  subjectId: string | null;
  status: string;
  warnLevel: number;
  value: string;
  valuePct: string;
  limit: string;
  utilisation: string;
  message: string;
}
type Row = Record<string, string>;
interface GroupExposure extends Record<string, unknown> {
  groupId: string;
  memberIds: string[];
  checks: Check[];
  memberChecks: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean };
    edges: { node: Check }[];
  };
  members: (Row & { checks: { rule: string; status: string }[] })[];
  facilities: Row[];
  substitutionsIn: Row[];
}

describe('exposure over HTTP (demo bank, EXPECTED.md)', () => {
  const suite = demoBankApi();

  async function groupOf(entityId: string, asOf: string): Promise<GroupExposure> {
    const data = await suite.api.data<{ groupOf: { id: string; exposure: GroupExposure } }>(
      GROUP_OF,
      {
        entityId,
        asOf,
      },
    );
    expect(data.groupOf.exposure.groupId).toBe(data.groupOf.id);
    return data.groupOf.exposure;
  }

  const headline = (g: GroupExposure) => ({
    approvedLimits: g.approvedLimits,
    drawn: g.drawn,
    grossExposure: g.grossExposure,
    netExposure: g.netExposure,
    shareOfTier1: g.shareOfTier1,
    groupLimit: g.groupLimit,
    headroom: g.headroom,
    isLargeExposure: g.isLargeExposure,
  });

  it.each([
    [
      '2026-09-30',
      {
        approvedLimits: '3210000000',
        drawn: '2226000000',
        grossExposure: '2454400000',
        netExposure: '2359400000',
        shareOfTier1: '4.7188',
        groupLimit: '3500000000',
        headroom: '1140600000',
        isLargeExposure: true,
      },
    ],
    [
      // Only FC-1 drawn (1 200 000 000); USD at 7.20: 2 000 + 500 + 720 million approved.
      '2026-06-30',
      {
        approvedLimits: '3220000000',
        drawn: '1200000000',
        grossExposure: '1592000000',
        netExposure: '1592000000',
        shareOfTier1: '3.184',
        groupLimit: '3500000000',
        headroom: '1908000000',
        isLargeExposure: true,
      },
    ],
  ])('gives the Zhang family group its figures on %s', async (asOf, expected) => {
    const g = await groupOf('C-HXS', asOf);
    expect(headline(g)).toEqual(expected);
    expect(g.memberIds).toHaveLength(11);
    expect(g.headIds).toEqual(expect.arrayContaining(['P-ZHANG', 'P-LI', 'P-HAO']));
    expect([g.currency, g.groupLimitId, g.tier1Capital]).toEqual(['CNY', 'GL-1', '50000000000']);
  });

  it('shows how the Zhang figures are reached on 2026-09-30', async () => {
    const g = await groupOf('C-HXS', '2026-09-30');
    expect(g.creditBalance).toBe('2126000000');
    expect(g.substitutionsIn).toEqual([
      { facilityId: 'FC-7', borrowerId: 'C-SOLO', guarantorId: 'C-HXH', amount: '5000000' },
    ]);
    const fc3 = g.facilities.find((f) => f.facilityId === 'FC-3');
    expect(fc3).toMatchObject({
      fxRate: '7.1',
      drawn: '426000000',
      undrawnBasis: 'CANCELLABLE',
      undrawnCcfPct: '10',
      grossExposure: '454400000',
    });
    const line = (c: Check) => `${c.subjectId ?? 'group'} ${c.rule} ${c.status}`;
    // Every member check passes: the summary holds the group's own checks only.
    expect(g.checks.map(line)).toEqual([
      'group CONNECTED_GROUP_EXPOSURE PASS',
      'group GROUP_CREDIT_BALANCE PASS',
    ]);
    expect(g.memberChecks.totalCount).toBe(8);
    expect(g.memberChecks.pageInfo.hasNextPage).toBe(false);
    expect(g.memberChecks.edges.map((e) => line(e.node))).toEqual([
      'C-HXH SINGLE_CLIENT_EXPOSURE PASS',
      'C-HXH SINGLE_CLIENT_LOANS PASS',
      'C-HXL SINGLE_CLIENT_EXPOSURE PASS',
      'C-HXL SINGLE_CLIENT_LOANS PASS',
      'C-HXS SINGLE_CLIENT_EXPOSURE PASS',
      'C-HXS SINGLE_CLIENT_LOANS PASS',
      'C-NAT SINGLE_CLIENT_EXPOSURE PASS',
      'C-NAT SINGLE_CLIENT_LOANS PASS',
    ]);
    expect(g.checks.find((c) => c.rule === 'GROUP_CREDIT_BALANCE')?.valuePct).toBe('3.429');
    const hxh = g.members.find((m) => m.entityId === 'C-HXH')!;
    expect([hxh.netExposure, hxh.substitutedIn, hxh.checks.length]).toEqual([
      '5000000',
      '5000000',
      2,
    ]);
  });

  it("gives Dongfang Power's four named checks exactly: PASS, WARN, WARN, BREACH", async () => {
    const g = await groupOf('C-DFP', '2026-09-30');
    expect([g.grossExposure, g.netExposure, g.shareOfTier1, g.isLargeExposure]).toEqual([
      '7880000000',
      '7880000000',
      '15.76',
      true,
    ]);
    // The group's two checks, then the members' checks that are not PASS, worst first.
    expect(g.checks.map((c) => [c.subjectId, c.rule, c.status])).toEqual([
      [null, 'CONNECTED_GROUP_EXPOSURE', 'PASS'],
      [null, 'GROUP_CREDIT_BALANCE', 'WARN'],
      ['C-DFP', 'SINGLE_CLIENT_LOANS', 'BREACH'],
      ['C-DFP', 'SINGLE_CLIENT_EXPOSURE', 'WARN'],
    ]);
    const named = (rule: string, subjectId: string | null) =>
      g.checks.find((c) => c.rule === rule && c.subjectId === subjectId)!;
    const four = [
      named('CONNECTED_GROUP_EXPOSURE', null),
      named('GROUP_CREDIT_BALANCE', null),
      named('SINGLE_CLIENT_EXPOSURE', 'C-DFP'),
      named('SINGLE_CLIENT_LOANS', 'C-DFP'),
    ];
    expect(four.map((c) => [c.status, c.warnLevel, c.valuePct, c.utilisation])).toEqual([
      ['PASS', 0, '15.76', '78.8'],
      ['WARN', 1, '12.5806', '83.871'],
      ['WARN', 2, '14', '93.3333'],
      ['BREACH', 0, '11.2903', '112.9032'],
    ]);
    expect(four[3].message).toBe(
      '东方电力集团有限公司 Dongfang Power: loan balance 7 000 000 000 CNY is 11.2903 % of net ' +
        'capital, above the 10 % limit',
    );
    expect([g.groupLimit, g.headroom, g.worstStatus]).toEqual([null, null, 'BREACH']);
  });

  it.each([
    ['C-DFP', '2026-06-30', '3200000000', '3200000000'],
    ['C-WQ2', '2026-09-30', '10000000', '10000000'],
    ['C-JH', '2026-09-30', '300000000', '300000000'],
  ])('gives the group of %s on %s gross %s and net %s', async (id, asOf, gross, net) => {
    const g = await groupOf(id, asOf);
    expect([g.grossExposure, g.netExposure]).toEqual([gross, net]);
  });

  it('gives C-SOLO as a single client gross 5 000 000, net 0, and its group the same', async () => {
    const data = await suite.api.data<{ entity: { exposure: Record<string, unknown> } }>(
      ENTITY_EXPOSURE,
      { id: 'C-SOLO', asOf: '2026-09-30' },
    );
    expect(data.entity.exposure).toMatchObject({
      entityId: 'C-SOLO',
      grossExposure: '5000000',
      netExposure: '0',
      substitutedOut: '5000000',
      facilities: [
        {
          facilityId: 'FC-7',
          grossExposure: '5000000',
          netExposure: '0',
          substituted: '5000000',
          guarantorId: 'C-HXH',
        },
      ],
      group: { groupId: 'G-C-SOLO', netExposure: '0', memberIds: ['C-SOLO'] },
    });
  });

  it("lists a member's own checks the same way as single client and in its group", async () => {
    const data = await suite.api.data<{
      entity: { exposure: { checks: Check[]; group: { groupId: string } } };
    }>(ENTITY_EXPOSURE, { id: 'C-DFP', asOf: '2026-09-30' });
    const group = await groupOf('C-DFP', '2026-09-30');
    const own = data.entity.exposure.checks;
    expect(own.map((c) => [c.rule, c.status])).toEqual([
      ['SINGLE_CLIENT_EXPOSURE', 'WARN'],
      ['SINGLE_CLIENT_LOANS', 'BREACH'],
    ]);
    const listed = group.memberChecks.edges.map((e) => e.node);
    expect(listed.filter((c) => c.subjectId === 'C-DFP')).toEqual(own);
    // Both are flagged, so the group's summary carries them too, the breach first.
    expect(group.checks.filter((c) => c.subjectId === 'C-DFP')).toEqual([own[1], own[0]]);
    expect(data.entity.exposure.group.groupId).toBe(group.groupId);
  });

  it('lists large exposures, top groups and limit alerts on 2026-09-30', async () => {
    const data = await suite.api.data<{
      largeExposures: Row[];
      topGroups: Row[];
      limitAlerts: { worstStatus: string; group: Row; checks: Row[] }[];
    }>(PORTFOLIO, { asOf: '2026-09-30' });
    const dfp = (await groupOf('C-DFP', '2026-09-30')).groupId;
    const zhang = (await groupOf('C-HXS', '2026-09-30')).groupId;
    expect(data.largeExposures).toEqual([
      { groupId: dfp, netExposure: '7880000000', shareOfTier1: '15.76' },
      { groupId: zhang, netExposure: '2359400000', shareOfTier1: '4.7188' },
    ]);
    expect(data.topGroups.map((g) => [g.groupId, g.netExposure])).toEqual([
      [dfp, '7880000000'],
      [zhang, '2359400000'],
      [(await groupOf('C-JH', '2026-09-30')).groupId, '300000000'],
    ]);
    expect(data.limitAlerts).toEqual([
      {
        worstStatus: 'BREACH',
        group: { groupId: dfp },
        checks: [
          { rule: 'SINGLE_CLIENT_LOANS', subjectId: 'C-DFP', status: 'BREACH' },
          { rule: 'SINGLE_CLIENT_EXPOSURE', subjectId: 'C-DFP', status: 'WARN' },
          { rule: 'GROUP_CREDIT_BALANCE', subjectId: null, status: 'WARN' },
        ],
      },
    ]);
  });

  it.each([
    ['an unknown entity', GROUP_OF, { entityId: 'NOPE', asOf: '2026-09-30' }, 'NOT_FOUND'],
    ['a date before any capital', GROUP_OF, { entityId: 'C-HXS', asOf: '2020-01-01' }, 'NOT_FOUND'],
    ['a malformed date', ENTITY_EXPOSURE, { id: 'C-HXS', asOf: '2026-02-30' }, 'BAD_USER_INPUT'],
  ])('answers %s with a coded error', async (_case, query, variables, code) => {
    const res = await suite.api.query(query, variables);
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
  });
});
