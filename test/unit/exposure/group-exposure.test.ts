import {
  facilityExposuresOn,
  groupExposure,
  MissingCapitalError,
  MissingFxRateError,
} from '../../../src/domain/exposure';
import { ValidationError } from '../../../src/domain/errors';
import { Capital } from '../../../src/domain/model';
import { DEFAULT_EXPOSURE_POLICY } from '../../../src/domain/policy/exposure-policy';
import {
  EXAMPLE_CAPITAL,
  EXAMPLE_DRAWINGS,
  EXAMPLE_FACILITIES,
  EXAMPLE_FX,
  EXAMPLE_GROUPS,
  EXAMPLE_GROUP_LIMITS,
  exampleGroup,
} from './builders';

const policy = DEFAULT_EXPOSURE_POLICY;
const asOf = '2026-09-30';
const exposures = facilityExposuresOn({
  facilities: EXAMPLE_FACILITIES,
  drawings: EXAMPLE_DRAWINGS,
  fxRates: EXAMPLE_FX,
  asOf,
  policy,
});
const zhang = {
  memberIds: EXAMPLE_GROUPS['Zhang family'],
  facilityExposures: exposures,
  capital: EXAMPLE_CAPITAL,
  groupLimit: EXAMPLE_GROUP_LIMITS[0],
  subLimits: [],
  policy,
  asOf,
  fxRates: EXAMPLE_FX,
};

describe('group exposure', () => {
  it('lists members by id with their own figures and sub-limit headroom', () => {
    const g = exampleGroup('Zhang family', asOf, undefined, {
      subLimits: [{ memberId: 'C-HXS', limit: '2000000000', currency: 'CNY' }],
    });
    const hxs = g.members.find((m) => m.clientId === 'C-HXS');
    expect(g.members.map((m) => m.clientId)).toEqual([...EXAMPLE_GROUPS['Zhang family']].sort());
    expect([hxs?.netExposure.toFixed(), hxs?.subLimitHeadroom?.toFixed()]).toEqual([
      '1700000000',
      '300000000',
    ]);
    expect(g.members.find((m) => m.clientId === 'C-HXH')?.netExposure.toFixed()).toBe('5000000');
    expect(g.facilities.map((f) => f.facilityId)).toEqual(['FC-1', 'FC-2', 'FC-3']);
    expect(g.subLimitProblems).toEqual([]);
  });

  it('reports utilisation of the unified limit against net exposure', () => {
    const g = exampleGroup('Zhang family', asOf);
    expect(g.utilisation?.toDecimalPlaces(4).toFixed()).toBe('67.4114');
  });

  it.each([
    [
      'a sub-limit for a non-member',
      [{ memberId: 'C-DFP', limit: '1', currency: 'CNY' }],
      'sub-limits: C-DFP has a sub-limit but is not a member of the group',
    ],
    [
      'a sub-limit above the group limit',
      [{ memberId: 'C-HXS', limit: '3500000001', currency: 'CNY' }],
      "sub-limits: C-HXS's sub-limit 3 500 000 001 CNY exceeds the group limit GL-1 of 3 500 000 000 CNY",
    ],
  ])('reports %s', (_case, subLimits, problem) => {
    expect(groupExposure({ ...zhang, subLimits }).subLimitProblems).toContain(problem);
  });

  it('reports sub-limits without a unified limit', () => {
    const g = groupExposure({
      ...zhang,
      groupLimit: null,
      subLimits: [{ memberId: 'C-HXS', limit: '1', currency: 'CNY' }],
    });
    expect(g.subLimitProblems).toEqual([
      'sub-limits: the group has sub-limits but no unified group limit',
    ]);
    expect([g.groupLimit, g.headroom, g.utilisation]).toEqual([null, null, null]);
  });

  it('uses the latest capital row on or before the date, converted', () => {
    const capital: Capital[] = [
      { asOf: '2026-01-01', tier1Capital: '1', netCapital: '1', currency: 'CNY' },
      {
        asOf: '2026-09-01',
        tier1Capital: '10000000000',
        netCapital: '12000000000',
        currency: 'USD',
      },
      { asOf: '2026-12-31', tier1Capital: '1', netCapital: '1', currency: 'CNY' },
    ];
    const g = groupExposure({ ...zhang, capital });
    expect([g.capital.asOf, g.capital.tier1.toFixed(), g.capital.netCapital.toFixed()]).toEqual([
      '2026-09-01',
      '71000000000',
      '85200000000',
    ]);
  });

  it('fails with typed errors without capital or an FX rate for it', () => {
    expect(() => groupExposure({ ...zhang, capital: [] })).toThrow(MissingCapitalError);
    const inEur: Capital = { ...EXAMPLE_CAPITAL[0], currency: 'EUR' };
    expect(() => groupExposure({ ...zhang, capital: [inEur] })).toThrow(MissingFxRateError);
  });

  it('refuses facility exposures measured on another date', () => {
    expect(() => groupExposure({ ...zhang, asOf: '2026-10-01' })).toThrow(ValidationError);
  });

  it('lists no client checks for a group without facilities', () => {
    const g = exampleGroup('Dongfang Grid', asOf);
    expect(g.checks.map((c) => c.subjectId)).toEqual([null, null]);
    expect([g.netExposure.toFixed(), g.isLargeExposure]).toEqual(['0', false]);
  });

  it('lists checks for a member with only substituted exposure', () => {
    const g = exampleGroup('Zhang family', asOf);
    expect(g.checks.filter((c) => c.subjectId === 'C-HXH').map((c) => c.value.toFixed())).toEqual([
      '5000000',
      '0',
    ]);
  });
});
