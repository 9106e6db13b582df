import {
  currencyConverter,
  facilityExposure,
  facilityExposuresOn,
  MissingFxRateError,
} from '../../../src/domain/exposure';
import { NotFoundError } from '../../../src/domain/errors';
import { Facility, FxRate } from '../../../src/domain/model';
import { DEFAULT_EXPOSURE_POLICY } from '../../../src/domain/policy/exposure-policy';
import { aDrawing, aFacility, thrownBy } from './builders';

const policy = DEFAULT_EXPOSURE_POLICY;
const cny = currencyConverter([], 'CNY', '2026-09-30');

/** A fully drawn 1000 CNY term loan with the given mitigation. */
function drawnLoan(overrides: Partial<Facility>) {
  const f = aFacility('F', { limit: '1000', borrowerId: 'C-A', ...overrides });
  return facilityExposure(f, aDrawing('F', '2026-01-01', '1000'), cny, policy);
}

describe('cash margin and guarantee substitution', () => {
  it.each<[string, Partial<Facility>, string, string, string, string | null]>([
    ['no mitigation', {}, '0', '0', '1000', null],
    ['cash margin reduces one for one', { cashMargin: '200' }, '200', '0', '800', null],
    ['margin above gross is capped at gross', { cashMargin: '2000' }, '1000', '0', '0', null],
    [
      'a guarantee moves its amount to the guarantor',
      { cashMargin: '200', guarantorId: 'C-G', guaranteedAmount: '300' },
      '200',
      '300',
      '500',
      'C-G',
    ],
    [
      'a guarantee above what margin leaves moves only the rest',
      { cashMargin: '200', guarantorId: 'C-G', guaranteedAmount: '5000' },
      '200',
      '800',
      '0',
      'C-G',
    ],
    [
      'a guarantor without an amount moves nothing',
      { guarantorId: 'C-G', guaranteedAmount: null },
      '0',
      '0',
      '1000',
      null,
    ],
    [
      'a borrower guaranteeing itself moves nothing',
      { guarantorId: 'C-A', guaranteedAmount: '400' },
      '0',
      '0',
      '1000',
      null,
    ],
  ])('%s', (_case, overrides, margin, substituted, net, guarantor) => {
    const e = drawnLoan(overrides);
    expect([e.cashMargin.toFixed(), e.substituted.toFixed(), e.net.toFixed()]).toEqual([
      margin,
      substituted,
      net,
    ]);
    expect(e.substitution?.guarantorId ?? null).toBe(guarantor);
    expect(e.gross.toFixed()).toBe('1000');
  });

  it('converts the substituted amount of a USD facility', () => {
    const usd = currencyConverter(
      [{ currency: 'USD', asOf: '2026-01-01', rate: '7.1' }],
      'CNY',
      '2026-09-30',
    );
    const f = aFacility('F', { currency: 'USD', guarantorId: 'C-G', guaranteedAmount: '100' });
    const e = facilityExposure(f, aDrawing('F', '2026-01-01', '1000'), usd, policy);
    expect(e.substitution?.amount.toFixed()).toBe('710');
    expect([e.nominal.net.toFixed(), e.net.toFixed()]).toEqual(['900', '6390']);
  });

  it('takes credit balance as drawn less the margin held, never below 0', () => {
    expect(drawnLoan({ cashMargin: '300' }).creditBalance.toFixed()).toBe('700');
    const undrawn = facilityExposure(
      aFacility('F', { product: 'BANK_ACCEPTANCE', committed: false, cashMargin: '300' }),
      null,
      cny,
      policy,
    );
    expect([undrawn.creditBalance.toFixed(), undrawn.net.toFixed()]).toEqual(['0', '0']);
  });

  it('counts loan balance only on the policy loan products', () => {
    const bond = aFacility('F', { product: 'BOND_HOLDING' });
    const e = facilityExposure(bond, aDrawing('F', '2026-01-01', '500'), cny, policy);
    expect([e.loanBalance.toFixed(), e.creditBalance.toFixed()]).toEqual(['0', '500']);
  });

  it('counts no undrawn amount when drawn above the limit', () => {
    const e = facilityExposure(aFacility('F'), aDrawing('F', '2026-01-01', '1200'), cny, policy);
    expect([e.undrawn.toFixed(), e.gross.toFixed()]).toEqual(['0', '1200']);
  });
});

describe('dates: active facilities, latest drawing, FX rate of the day', () => {
  const fxRates: FxRate[] = [
    { currency: 'USD', asOf: '2026-01-01', rate: '7.0' },
    { currency: 'USD', asOf: '2026-06-30', rate: '7.2' },
    { currency: 'USD', asOf: '2026-12-31', rate: '9.9' },
  ];
  const facilities = [
    aFacility('F-USD', { currency: 'USD', start: '2026-01-01', maturity: '2027-01-01' }),
    aFacility('F-LATER', { start: '2026-10-01' }),
    aFacility('F-MATURED', { maturity: '2026-09-30' }),
  ];
  const drawings = [
    aDrawing('F-USD', '2026-03-01', '100'),
    aDrawing('F-USD', '2026-09-01', '400'),
    aDrawing('F-USD', '2026-10-01', '900'),
  ];
  const run = (asOf: string) =>
    facilityExposuresOn({ facilities, drawings, fxRates, asOf, policy });

  it('keeps a facility active from start, excluding maturity', () => {
    expect(run('2026-09-30').map((e) => e.facilityId)).toEqual(['F-USD']);
    expect(run('2026-09-29').map((e) => e.facilityId)).toEqual(['F-MATURED', 'F-USD']);
  });

  it('uses the latest drawing and rate on or before the date', () => {
    const [e] = run('2026-09-30');
    expect([e.drawingAsOf, e.nominal.drawn.toFixed(), e.fxRate.toFixed()]).toEqual([
      '2026-09-01',
      '400',
      '7.2',
    ]);
    expect(e.drawn.toFixed()).toBe('2880');
  });

  it('converts the reporting currency at 1 without a row', () => {
    expect(cny.rate('CNY').toFixed()).toBe('1');
  });

  it('fails with a typed error naming currency and date when a rate is missing', () => {
    const eur = [aFacility('F-EUR', { currency: 'EUR' })];
    const call = () =>
      facilityExposuresOn({ facilities: eur, drawings: [], fxRates, asOf: '2026-09-30', policy });
    expect(call).toThrow(MissingFxRateError);
    expect(call).toThrow('No FX rate for EUR into CNY on or before 2026-09-30.');
    const error = thrownBy(call);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as MissingFxRateError).details).toEqual({
      currency: 'EUR',
      date: '2026-09-30',
      reportingCurrency: 'CNY',
    });
  });

  it('does not use a rate dated after the query date', () => {
    const early = [aFacility('F-USD', { currency: 'USD' })];
    const call = () =>
      facilityExposuresOn({ facilities: early, drawings: [], fxRates, asOf: '2025-12-31', policy });
    expect(call).toThrow(MissingFxRateError);
  });
});
