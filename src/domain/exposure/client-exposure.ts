/**
 * A single client's exposure (单一客户, CBIRC 2018 Art. 7): the sum over the facilities it
 * borrows under, plus what guarantee substitution moved onto it as guarantor. Substitution
 * in counts as the client's own net exposure: the bank now stands to lose it on this client.
 */
import { Decimal, sum } from '../money/decimal';
import { FacilityExposure } from './facility-exposure';

export interface SubstitutionIn {
  facilityId: string;
  borrowerId: string;
  guarantorId: string;
  amount: Decimal;
}

/** The figures a limit check can measure. */
export interface MeasuredFigures {
  netExposure: Decimal;
  loanBalance: Decimal;
  creditBalance: Decimal;
}

export interface ExposureTotals extends MeasuredFigures {
  approvedLimits: Decimal;
  drawn: Decimal;
  grossExposure: Decimal;
  cashMargin: Decimal;
  /** Moved out of these facilities to their guarantors. */
  substitutedOut: Decimal;
  /** Moved in from facilities guaranteed by the client (or group). */
  substitutedIn: Decimal;
}

export interface ClientExposure extends ExposureTotals {
  clientId: string;
  /** Facilities it borrows under, by id. */
  facilityIds: string[];
  substitutionsIn: SubstitutionIn[];
}

/** Substitutions whose guarantor is in `guarantorIds`, in facility order. */
export function substitutionsInto(
  guarantorIds: ReadonlySet<string>,
  exposures: readonly FacilityExposure[],
): SubstitutionIn[] {
  const found: SubstitutionIn[] = [];
  for (const e of exposures) {
    if (e.substitution !== null && guarantorIds.has(e.substitution.guarantorId)) {
      found.push({
        facilityId: e.facilityId,
        borrowerId: e.borrowerId,
        guarantorId: e.substitution.guarantorId,
        amount: e.substitution.amount,
      });
    }
  }
  return found;
}

/** Totals of `borrowed` facilities, with `inflows` added to the net exposure. */
export function exposureTotals(
  borrowed: readonly FacilityExposure[],
  inflows: readonly SubstitutionIn[],
): ExposureTotals {
  const substitutedIn = sum(inflows.map((s) => s.amount));
  return {
    approvedLimits: sum(borrowed.map((e) => e.approvedLimit)),
    drawn: sum(borrowed.map((e) => e.drawn)),
    grossExposure: sum(borrowed.map((e) => e.gross)),
    cashMargin: sum(borrowed.map((e) => e.cashMargin)),
    substitutedOut: sum(borrowed.map((e) => e.substituted)),
    substitutedIn,
    netExposure: sum(borrowed.map((e) => e.net)).plus(substitutedIn),
    loanBalance: sum(borrowed.map((e) => e.loanBalance)),
    creditBalance: sum(borrowed.map((e) => e.creditBalance)),
  };
}

export function clientExposure(
  clientId: string,
  facilityExposures: readonly FacilityExposure[],
): ClientExposure {
  const borrowed = facilityExposures.filter((e) => e.borrowerId === clientId);
  const inflows = substitutionsInto(new Set([clientId]), facilityExposures);
  return {
    clientId,
    ...exposureTotals(borrowed, inflows),
    facilityIds: borrowed.map((e) => e.facilityId).sort(),
    substitutionsIn: inflows,
  };
}

/** Anything for a limit check to measure: a line, an exposure or a balance. */
export function hasExposure(t: ExposureTotals): boolean {
  return [t.approvedLimits, t.grossExposure, t.netExposure, t.loanBalance, t.creditBalance].some(
    (v) => v.greaterThan(0),
  );
}
