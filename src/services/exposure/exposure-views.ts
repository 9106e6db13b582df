import type { CheckStatus, FacilityExposure, LimitCheckResult } from '../../domain/exposure';
import type { IsoDate } from '../../domain/model';

/**
 * What the API shows of exposure: plain data, amounts in the reporting currency and
 * percentages as decimal strings rounded by the one presentation rule (2 places for
 * amounts, 4 for percentages: "4.7188" is 4.7188 %). FX rates and CCFs are shown exact.
 */
export interface LimitCheckView {
  rule: string;
  source: string;
  scope: 'CLIENT' | 'GROUP';
  subjectId: string | null;
  measure: LimitCheckResult['measure'];
  capitalBase: LimitCheckResult['capitalBase'];
  currency: string;
  value: string;
  capital: string;
  valuePct: string;
  limitPct: string;
  limit: string;
  utilisation: string;
  status: CheckStatus;
  warnLevel: number;
  message: string;
}

export interface FacilityExposureView {
  facilityId: string;
  borrowerId: string;
  product: FacilityExposure['product'];
  currency: string;
  fxRate: string;
  drawingAsOf: IsoDate | null;
  approvedLimit: string;
  drawn: string;
  undrawn: string;
  drawnCcfPct: string;
  drawnCcfFloored: boolean;
  undrawnBasis: FacilityExposure['ccf']['undrawnBasis'];
  undrawnCcfPct: string;
  grossExposure: string;
  cashMargin: string;
  substituted: string;
  guarantorId: string | null;
  netExposure: string;
  loanBalance: string;
  creditBalance: string;
}

export interface SubstitutionView {
  facilityId: string;
  borrowerId: string;
  guarantorId: string;
  amount: string;
}

/** The figures every exposure (client, member, group) shows. */
export interface ExposureFiguresView {
  approvedLimits: string;
  drawn: string;
  grossExposure: string;
  netExposure: string;
  cashMargin: string;
  substitutedIn: string;
  substitutedOut: string;
  loanBalance: string;
  creditBalance: string;
  shareOfTier1: string;
}

export interface MemberExposureView extends ExposureFiguresView {
  entityId: string;
  name: string;
  subLimit: string | null;
  subLimitHeadroom: string | null;
  facilityIds: string[];
  checks: LimitCheckView[];
}

export interface CapitalView {
  asOf: IsoDate;
  currency: string;
  capitalAsOf: IsoDate;
  tier1Capital: string;
  netCapital: string;
  isLargeExposure: boolean;
  worstStatus: CheckStatus;
  checks: LimitCheckView[];
  substitutionsIn: SubstitutionView[];
}

/**
 * `checks` holds the group-scope checks, then the members' single-client checks that are
 * not PASS, worst first; `memberChecks` every member's single-client checks, by member id
 * then rule, for the paged listing.
 */
export interface GroupExposureView extends ExposureFiguresView, CapitalView {
  groupId: string | null;
  groupName: string;
  memberIds: string[];
  headIds: string[];
  groupLimitId: string | null;
  groupLimit: string | null;
  headroom: string | null;
  utilisation: string | null;
  subLimitProblems: string[];
  members: MemberExposureView[];
  memberChecks: LimitCheckView[];
  facilities: FacilityExposureView[];
}

export interface ClientExposureView extends ExposureFiguresView, CapitalView {
  entityId: string;
  name: string;
  facilities: FacilityExposureView[];
}
