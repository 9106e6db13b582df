/**
 * Credit conversion factors (CCF, 信用转换系数): CBIRC 2018 《商业银行大额风险暴露管理办法》
 * exposure measurement, as DESIGN §4 sets it out. Drawn on-balance amounts count 100 %; an
 * off-balance item's issued nominal counts at its product's factor, floored at 10 % for
 * large-exposure purposes; the undrawn part of a line counts 40 % if committed, 10 % if
 * unconditionally cancellable, 0 if uncommitted. The floor is for issued off-balance items
 * only: an uncommitted undrawn amount is no obligation of the bank and stays at 0.
 */
import { Facility } from '../model';
import { dec, Decimal, max } from '../money/decimal';
import { ExposurePolicy, isOnBalance } from '../policy/exposure-policy';

export type UndrawnBasis = 'COMMITTED' | 'CANCELLABLE' | 'UNCOMMITTED';

export interface CcfChoice {
  onBalance: boolean;
  /** Factor on the drawn (issued) amount, after the floor. */
  drawnCcfPct: Decimal;
  /** True when the off-balance floor raised the product's factor. */
  drawnCcfFloored: boolean;
  undrawnBasis: UndrawnBasis;
  undrawnCcfPct: Decimal;
}

export function undrawnBasis(facility: Pick<Facility, 'committed' | 'cancellable'>): UndrawnBasis {
  if (!facility.committed) return 'UNCOMMITTED';
  return facility.cancellable ? 'CANCELLABLE' : 'COMMITTED';
}

export function ccfFor(
  facility: Pick<Facility, 'product' | 'committed' | 'cancellable'>,
  policy: ExposurePolicy,
): CcfChoice {
  const onBalance = isOnBalance(facility.product);
  const productPct = dec(policy.productCcfPct[facility.product]);
  const drawnCcfPct = onBalance ? productPct : max(productPct, dec(policy.offBalanceCcfFloorPct));
  const basis = undrawnBasis(facility);
  const undrawnCcfPct = dec(
    basis === 'COMMITTED'
      ? policy.committedUndrawnCcfPct
      : basis === 'CANCELLABLE'
        ? policy.cancellableUndrawnCcfPct
        : policy.uncommittedUndrawnCcfPct,
  );
  return {
    onBalance,
    drawnCcfPct,
    drawnCcfFloored: !drawnCcfPct.equals(productPct),
    undrawnBasis: basis,
    undrawnCcfPct,
  };
}
