/**
 * EXPECTED.md, "Exposure on 2026-09-30" and "Exposure on 2026-06-30": every figure of the
 * example dataset under the default policy, to the unit.
 */
import { facilityExposuresOn, FacilityExposure, GroupExposure } from '../../../src/domain/exposure';
import { Decimal } from '../../../src/domain/money/decimal';
import { DEFAULT_EXPOSURE_POLICY } from '../../../src/domain/policy/exposure-policy';
import { EXAMPLE_DRAWINGS, EXAMPLE_FACILITIES, EXAMPLE_FX, exampleGroup } from './builders';

const txt = (d: Decimal | null): string | null => (d === null ? null : d.toFixed());
const pct4 = (d: Decimal): string => d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);

function exposuresOn(asOf: string): Map<string, FacilityExposure> {
  const list = facilityExposuresOn({
    facilities: EXAMPLE_FACILITIES,
    drawings: EXAMPLE_DRAWINGS,
    fxRates: EXAMPLE_FX,
    asOf,
    policy: DEFAULT_EXPOSURE_POLICY,
  });
  return new Map(list.map((e) => [e.facilityId, e]));
}

function checkSummary(g: GroupExposure): string[] {
  return g.checks.map((c) => `${c.subjectId ?? 'group'} ${c.rule} ${c.status} ${c.warnLevel}`);
}

describe('exposure on 2026-09-30', () => {
  const byId = exposuresOn('2026-09-30');

  it.each([
    ['FC-1 C-HXS term loan: drawn + 40 % of committed undrawn', 'FC-1', '1700000000', '1700000000'],
    ['FC-2 C-HXL acceptances less cash margin', 'FC-2', '300000000', '200000000'],
    ['FC-3 C-NAT USD revolver, 10 % cancellable undrawn, × 7.10', 'FC-3', '454400000', '454400000'],
    ['FC-7 C-SOLO overdraft substituted to C-HXH', 'FC-7', '5000000', '0'],
    ['FC-4 C-DFP term loan fully drawn', 'FC-4', '7000000000', '7000000000'],
    ['FC-5 C-DFPS term loan: drawn + 40 % undrawn', 'FC-5', '880000000', '880000000'],
    ['FC-6 C-WQ1 trade LC at 20 %', 'FC-6', '10000000', '10000000'],
    ['FC-8 C-JH term loan fully drawn', 'FC-8', '300000000', '300000000'],
  ])('%s', (_case, id, gross, net) => {
    const e = byId.get(id) as FacilityExposure;
    expect(txt(e.gross)).toBe(gross);
    expect(txt(e.net)).toBe(net);
  });

  it('shows how FC-3 was reached: (60 000 000 + 10 % × 40 000 000) × 7.10', () => {
    const e = byId.get('FC-3') as FacilityExposure;
    expect([txt(e.nominal.drawn), txt(e.nominal.undrawn), txt(e.fxRate)]).toEqual([
      '60000000',
      '40000000',
      '7.1',
    ]);
    expect([e.ccf.undrawnBasis, txt(e.ccf.undrawnCcfPct)]).toEqual(['CANCELLABLE', '10']);
    expect(txt(e.nominal.gross)).toBe('64000000');
  });

  it('moves FC-7 to its guarantor C-HXH', () => {
    const { substitution } = byId.get('FC-7') as FacilityExposure;
    expect(substitution?.guarantorId).toBe('C-HXH');
    expect(txt(substitution?.amount ?? null)).toBe('5000000');
  });

  it('gives the Zhang family group figures, incl. 5 000 000 substituted from FC-7', () => {
    const g = exampleGroup('Zhang family', '2026-09-30');
    expect({
      approvedLimits: txt(g.approvedLimits),
      drawn: txt(g.drawn),
      gross: txt(g.grossExposure),
      net: txt(g.netExposure),
      substitutedIn: txt(g.substitutedIn),
      shareOfTier1: pct4(g.shareOfTier1),
      groupLimit: txt(g.groupLimit),
      headroom: txt(g.headroom),
      creditBalance: txt(g.creditBalance),
      cashMargin: txt(g.cashMargin),
    }).toEqual({
      approvedLimits: '3210000000',
      drawn: '2226000000',
      gross: '2454400000',
      net: '2359400000',
      substitutedIn: '5000000',
      shareOfTier1: '4.7188',
      groupLimit: '3500000000',
      headroom: '1140600000',
      creditBalance: '2126000000',
      cashMargin: '100000000',
    });
    expect(g.isLargeExposure).toBe(true);
    expect(g.groupLimitId).toBe('GL-1');
    expect(g.substitutionsIn.map((s) => [s.facilityId, s.guarantorId])).toEqual([
      ['FC-7', 'C-HXH'],
    ]);
    const creditCheck = g.checks.find((c) => c.rule === 'GROUP_CREDIT_BALANCE');
    expect(pct4(creditCheck?.valuePct as Decimal)).toBe('3.4290');
  });

  it('passes every Zhang family check, for the group and each member with exposure', () => {
    const g = exampleGroup('Zhang family', '2026-09-30');
    expect(checkSummary(g)).toEqual([
      'group CONNECTED_GROUP_EXPOSURE PASS 0',
      'group GROUP_CREDIT_BALANCE PASS 0',
      'C-HXH SINGLE_CLIENT_EXPOSURE PASS 0',
      'C-HXH SINGLE_CLIENT_LOANS PASS 0',
      'C-HXL SINGLE_CLIENT_EXPOSURE PASS 0',
      'C-HXL SINGLE_CLIENT_LOANS PASS 0',
      'C-HXS SINGLE_CLIENT_EXPOSURE PASS 0',
      'C-HXS SINGLE_CLIENT_LOANS PASS 0',
      'C-NAT SINGLE_CLIENT_EXPOSURE PASS 0',
      'C-NAT SINGLE_CLIENT_LOANS PASS 0',
    ]);
  });

  it('gives Dongfang Power 7 880 000 000, 15.76 % of Tier 1, a large exposure', () => {
    const g = exampleGroup('Dongfang Power', '2026-09-30');
    expect([txt(g.grossExposure), txt(g.netExposure), txt(g.shareOfTier1)]).toEqual([
      '7880000000',
      '7880000000',
      '15.76',
    ]);
    expect(g.isLargeExposure).toBe(true);
    expect(g.groupLimit).toBeNull();
    expect(g.headroom).toBeNull();
  });

  it("gives Dongfang Power's checks: group PASS and WARN, C-DFP WARN and BREACH", () => {
    const g = exampleGroup('Dongfang Power', '2026-09-30');
    expect(checkSummary(g)).toEqual([
      'group CONNECTED_GROUP_EXPOSURE PASS 0',
      'group GROUP_CREDIT_BALANCE WARN 1',
      'C-DFP SINGLE_CLIENT_EXPOSURE WARN 2',
      'C-DFP SINGLE_CLIENT_LOANS BREACH 0',
      'C-DFPS SINGLE_CLIENT_EXPOSURE PASS 0',
      'C-DFPS SINGLE_CLIENT_LOANS PASS 0',
    ]);
    const [connected, credit, single, loans] = g.checks;
    expect([txt(connected.valuePct), txt(connected.utilisation)]).toEqual(['15.76', '78.8']);
    expect([txt(credit.value), pct4(credit.valuePct)]).toEqual(['7800000000', '12.5806']);
    expect(txt(single.valuePct)).toBe('14');
    expect([txt(loans.value), pct4(loans.valuePct), txt(loans.limit)]).toEqual([
      '7000000000',
      '11.2903',
      '6200000000',
    ]);
    expect(loans.message).toBe(
      'Dongfang Power: loan balance 7 000 000 000 CNY is 11.2903 % of net capital, above the 10 % limit',
    );
  });

  it.each([
    ['Qiangsheng', '10000000', '10000000'],
    ['Jinhe', '300000000', '300000000'],
    ['C-SOLO', '5000000', '0'],
  ])('gives %s gross %s and net %s', (group, gross, net) => {
    const g = exampleGroup(group, '2026-09-30');
    expect([txt(g.grossExposure), txt(g.netExposure)]).toEqual([gross, net]);
  });
});

describe('exposure on 2026-06-30 (USD at 7.20; only FC-1 drawn)', () => {
  const byId = exposuresOn('2026-06-30');

  it.each([
    ['FC-1: 1 200 000 000 + 40 % × 800 000 000', 'FC-1', '1520000000'],
    ['FC-3: 10 % × 100 000 000 × 7.20', 'FC-3', '72000000'],
    ['FC-2 uncommitted and undrawn: 0, the CCF floor does not apply', 'FC-2', '0'],
    ['FC-7 uncommitted and undrawn: 0', 'FC-7', '0'],
    ['FC-4: 40 % × 7 000 000 000', 'FC-4', '2800000000'],
    ['FC-5: 40 % × 1 000 000 000', 'FC-5', '400000000'],
  ])('%s', (_case, id, gross) => {
    expect(txt((byId.get(id) as FacilityExposure).gross)).toBe(gross);
  });

  it('gives the Zhang family gross = net = 1 592 000 000', () => {
    const g = exampleGroup('Zhang family', '2026-06-30');
    expect([txt(g.grossExposure), txt(g.netExposure)]).toEqual(['1592000000', '1592000000']);
  });

  it('gives Dongfang Power 3 200 000 000', () => {
    const g = exampleGroup('Dongfang Power', '2026-06-30');
    expect([txt(g.grossExposure), txt(g.netExposure)]).toEqual(['3200000000', '3200000000']);
  });
});
