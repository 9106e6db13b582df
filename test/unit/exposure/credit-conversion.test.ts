import { ccfFor, currencyConverter, facilityExposure } from '../../../src/domain/exposure';
import { Product } from '../../../src/domain/model';
import {
  DEFAULT_EXPOSURE_POLICY,
  ExposurePolicy,
} from '../../../src/domain/policy/exposure-policy';
import { aDrawing, aFacility } from './builders';

const fx = currencyConverter([], 'CNY', '2026-09-30');

function grossOf(
  product: Product,
  committed: boolean,
  cancellable: boolean,
  drawn: string,
  policy: ExposurePolicy = DEFAULT_EXPOSURE_POLICY,
): string {
  const f = aFacility('F', { product, committed, cancellable, limit: '1000' });
  return facilityExposure(f, aDrawing('F', '2026-01-01', drawn), fx, policy).gross.toFixed();
}

describe('credit conversion factors (default policy), limit 1000, drawn 100', () => {
  it.each<[string, Product, boolean, boolean, string, string, string]>([
    ['term loan, committed undrawn at 40 %', 'TERM_LOAN', true, false, '100', '40', '460'],
    ['revolver, cancellable undrawn at 10 %', 'REVOLVING_LOAN', true, true, '100', '10', '190'],
    ['overdraft, uncommitted undrawn at 0', 'OVERDRAFT', false, false, '100', '0', '100'],
    ['bond holding, drawn in full', 'BOND_HOLDING', true, false, '100', '40', '460'],
    ['bank acceptance at 100 %, uncommitted', 'BANK_ACCEPTANCE', false, false, '100', '0', '100'],
    ['financial guarantee at 100 %', 'FINANCIAL_GUARANTEE', true, false, '100', '40', '460'],
    ['standby LC at 100 %, cancellable', 'STANDBY_LC', true, true, '100', '10', '190'],
    ['performance guarantee at 50 %', 'PERFORMANCE_GUARANTEE', false, false, '50', '0', '50'],
    ['trade LC at 20 %, committed', 'TRADE_LC', true, false, '20', '40', '380'],
    ['trade LC at 20 %, uncommitted', 'TRADE_LC', false, false, '20', '0', '20'],
    ['other at 100 %, cancellable', 'OTHER', true, true, '100', '10', '190'],
  ])('%s', (_case, product, committed, cancellable, drawnPct, undrawnPct, gross) => {
    const ccf = ccfFor({ product, committed, cancellable }, DEFAULT_EXPOSURE_POLICY);
    expect([ccf.drawnCcfPct.toFixed(), ccf.undrawnCcfPct.toFixed()]).toEqual([
      drawnPct,
      undrawnPct,
    ]);
    expect(ccf.drawnCcfFloored).toBe(false);
    expect(grossOf(product, committed, cancellable, '100')).toBe(gross);
  });

  it('says why a cancellable line counts 10 %: undrawnBasis CANCELLABLE', () => {
    const ccf = ccfFor(
      { product: 'TERM_LOAN', committed: true, cancellable: true },
      DEFAULT_EXPOSURE_POLICY,
    );
    expect(ccf.undrawnBasis).toBe('CANCELLABLE');
  });
});

describe('the 10 % floor on off-balance items', () => {
  const lowFactors: ExposurePolicy = {
    ...DEFAULT_EXPOSURE_POLICY,
    productCcfPct: { ...DEFAULT_EXPOSURE_POLICY.productCcfPct, TRADE_LC: '5', OTHER: '0' },
  };

  it.each<[string, Product, boolean, string, string, boolean]>([
    ['raises a 5 % trade LC to 10 %', 'TRADE_LC', false, '100', '10', true],
    ['raises a 0 % other item to 10 %', 'OTHER', false, '100', '10', true],
    ['leaves an uncommitted undrawn amount at 0', 'TRADE_LC', false, '0', '0', true],
    ['does not touch a 100 % loan', 'TERM_LOAN', false, '100', '100', false],
  ])('%s', (_case, product, committed, drawn, gross, floored) => {
    expect(grossOf(product, committed, false, drawn, lowFactors)).toBe(gross);
    expect(ccfFor({ product, committed, cancellable: false }, lowFactors).drawnCcfFloored).toBe(
      floored,
    );
  });

  it('follows the policy when the floor is changed', () => {
    const higherFloor = { ...lowFactors, offBalanceCcfFloorPct: '25' };
    expect(grossOf('TRADE_LC', false, false, '100', higherFloor)).toBe('25');
  });
});
