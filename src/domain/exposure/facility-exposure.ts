/**
 * Exposure of one facility on a date: DESIGN §4 after CBIRC 2018 《商业银行大额风险暴露管理办法》
 * (exposure measurement, CCFs, credit-risk mitigation). Drawn and undrawn amounts weighted
 * by their CCF give the gross exposure; cash margin (保证金) reduces it one for one; an
 * eligible third-party guarantee moves the guaranteed part to the guarantor (substitution).
 * Every component is kept so the API can show how a figure was reached.
 */
import { Drawing, Facility, FxRate, IsoDate } from '../model';
import { dec, Decimal, HUNDRED, max, min, ZERO } from '../money/decimal';
import { ExposurePolicy } from '../policy/exposure-policy';
import { CcfChoice, ccfFor } from './credit-conversion';
import { CurrencyConverter, currencyConverter } from './fx-conversion';
import { compareStrings } from './ordering';

export interface FacilityAmounts {
  approvedLimit: Decimal;
  drawn: Decimal;
  undrawn: Decimal;
  /** drawn × drawn CCF. */
  drawnWeighted: Decimal;
  /** undrawn × undrawn CCF. */
  undrawnWeighted: Decimal;
  gross: Decimal;
  /** Cash margin applied: the margin held, capped at the gross exposure it secures. */
  cashMargin: Decimal;
  /** Moved to the guarantor; 0 without a guarantee. */
  substituted: Decimal;
  net: Decimal;
  /** Drawn, when the product is one of the policy's loan products; else 0. */
  loanBalance: Decimal;
  /** Drawn nominal less cash margin, never below 0. */
  creditBalance: Decimal;
}

export interface FacilityExposure extends FacilityAmounts {
  facilityId: string;
  borrowerId: string;
  product: Facility['product'];
  /** The facility's own currency; `nominal` is in it, the top-level amounts are not. */
  currency: string;
  reportingCurrency: string;
  asOf: IsoDate;
  /** Date of the drawing row used, null when nothing was drawn yet. */
  drawingAsOf: IsoDate | null;
  fxRate: Decimal;
  ccf: CcfChoice;
  /** Where the substituted amount (reporting currency) went. */
  substitution: { guarantorId: string; amount: Decimal } | null;
  nominal: FacilityAmounts;
}

/** `start <= d < maturity`, null bounds open. */
export function isFacilityActive(f: Pick<Facility, 'start' | 'maturity'>, date: IsoDate): boolean {
  return (f.start === null || f.start <= date) && (f.maturity === null || date < f.maturity);
}

/** The latest drawing of each facility on or before `asOf`. */
export function latestDrawings(drawings: readonly Drawing[], asOf: IsoDate): Map<string, Drawing> {
  const latest = new Map<string, Drawing>();
  for (const d of drawings) {
    if (d.asOf > asOf) continue;
    const known = latest.get(d.facilityId);
    if (known === undefined || d.asOf >= known.asOf) latest.set(d.facilityId, d);
  }
  return latest;
}

function pctOf(amount: Decimal, pct: Decimal): Decimal {
  return amount.times(pct).dividedBy(HUNDRED);
}

function nominalAmounts(
  facility: Facility,
  drawn: Decimal,
  ccf: CcfChoice,
  policy: ExposurePolicy,
): FacilityAmounts {
  const approvedLimit = dec(facility.limit);
  const undrawn = max(approvedLimit.minus(drawn), ZERO);
  const drawnWeighted = pctOf(drawn, ccf.drawnCcfPct);
  const undrawnWeighted = pctOf(undrawn, ccf.undrawnCcfPct);
  const gross = drawnWeighted.plus(undrawnWeighted);
  const marginHeld = dec(facility.cashMargin ?? 0);
  const cashMargin = min(marginHeld, gross);
  // A borrower cannot guarantee itself: that is no mitigation, nothing moves.
  const guaranteed =
    facility.guarantorId !== null && facility.guarantorId !== facility.borrowerId
      ? dec(facility.guaranteedAmount ?? 0)
      : ZERO;
  const substituted = min(guaranteed, gross.minus(cashMargin));
  return {
    approvedLimit,
    drawn,
    undrawn,
    drawnWeighted,
    undrawnWeighted,
    gross,
    cashMargin,
    substituted,
    net: gross.minus(cashMargin).minus(substituted),
    loanBalance: policy.loanProducts.includes(facility.product) ? drawn : ZERO,
    creditBalance: max(drawn.minus(marginHeld), ZERO),
  };
}

function convert(amounts: FacilityAmounts, rate: Decimal): FacilityAmounts {
  const out = {} as FacilityAmounts;
  for (const key of Object.keys(amounts) as (keyof FacilityAmounts)[]) {
    out[key] = amounts[key].times(rate);
  }
  return out;
}

/** One facility's exposure on `fx.asOf`, given its applicable drawing (or none). */
export function facilityExposure(
  facility: Facility,
  drawing: Drawing | null,
  fx: CurrencyConverter,
  policy: ExposurePolicy,
): FacilityExposure {
  const ccf = ccfFor(facility, policy);
  const nominal = nominalAmounts(facility, dec(drawing?.drawn ?? 0), ccf, policy);
  const fxRate = fx.rate(facility.currency);
  const reporting = convert(nominal, fxRate);
  return {
    ...reporting,
    facilityId: facility.id,
    borrowerId: facility.borrowerId,
    product: facility.product,
    currency: facility.currency,
    reportingCurrency: fx.reportingCurrency,
    asOf: fx.asOf,
    drawingAsOf: drawing?.asOf ?? null,
    fxRate,
    ccf,
    substitution:
      facility.guarantorId !== null && reporting.substituted.greaterThan(0)
        ? { guarantorId: facility.guarantorId, amount: reporting.substituted }
        : null,
    nominal,
  };
}

export interface ExposureInput {
  facilities: readonly Facility[];
  drawings: readonly Drawing[];
  fxRates: readonly FxRate[];
  asOf: IsoDate;
  policy: ExposurePolicy;
}

/** Exposures of every facility active on `asOf`, sorted by facility id. */
export function facilityExposuresOn(input: ExposureInput): FacilityExposure[] {
  const fx = currencyConverter(input.fxRates, input.policy.reportingCurrency, input.asOf);
  const drawings = latestDrawings(input.drawings, input.asOf);
  return input.facilities
    .filter((f) => isFacilityActive(f, input.asOf))
    .map((f) => facilityExposure(f, drawings.get(f.id) ?? null, fx, input.policy))
    .sort((a, b) => compareStrings(a.facilityId, b.facilityId));
}
