import type {
  CheckStatus,
  FacilityExposure,
  LimitCheckResult,
  SubstitutionIn,
} from '../../domain/exposure';
import type { IsoDate } from '../../domain/model';
import { type Decimal, percentOf, roundForPresentation } from '../../domain/money/decimal';
import type { MeasuredClient, MeasuredGroup } from './books-on-date';

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

interface CapitalView {
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
  facilities: FacilityExposureView[];
}

export interface ClientExposureView extends ExposureFiguresView, CapitalView {
  entityId: string;
  name: string;
  facilities: FacilityExposureView[];
}

const amount = (d: Decimal): string => roundForPresentation(d, 'amount');
const pct = (d: Decimal): string => roundForPresentation(d, 'percent');
const optional = (d: Decimal | null, f: (d: Decimal) => string) => (d === null ? null : f(d));

const SEVERITY: Record<CheckStatus, number> = { PASS: 0, WARN: 1, BREACH: 2 };

export function severity(status: CheckStatus): number {
  return SEVERITY[status];
}

export function worstStatus(checks: readonly { status: CheckStatus }[]): CheckStatus {
  let worst: CheckStatus = 'PASS';
  for (const c of checks) if (SEVERITY[c.status] > SEVERITY[worst]) worst = c.status;
  return worst;
}

export function limitCheckView(c: LimitCheckResult): LimitCheckView {
  return {
    rule: c.rule,
    source: c.source,
    scope: c.scope,
    subjectId: c.subjectId,
    measure: c.measure,
    capitalBase: c.capitalBase,
    currency: c.currency,
    value: amount(c.value),
    capital: amount(c.capital),
    valuePct: pct(c.valuePct),
    limitPct: pct(c.limitPct),
    limit: amount(c.limit),
    utilisation: pct(c.utilisation),
    status: c.status,
    warnLevel: c.warnLevel,
    message: c.message,
  };
}

export function facilityExposureView(e: FacilityExposure): FacilityExposureView {
  return {
    facilityId: e.facilityId,
    borrowerId: e.borrowerId,
    product: e.product,
    currency: e.currency,
    fxRate: e.fxRate.toFixed(),
    drawingAsOf: e.drawingAsOf,
    approvedLimit: amount(e.approvedLimit),
    drawn: amount(e.drawn),
    undrawn: amount(e.undrawn),
    drawnCcfPct: e.ccf.drawnCcfPct.toFixed(),
    drawnCcfFloored: e.ccf.drawnCcfFloored,
    undrawnBasis: e.ccf.undrawnBasis,
    undrawnCcfPct: e.ccf.undrawnCcfPct.toFixed(),
    grossExposure: amount(e.gross),
    cashMargin: amount(e.cashMargin),
    substituted: amount(e.substituted),
    guarantorId: e.substitution?.guarantorId ?? null,
    netExposure: amount(e.net),
    loanBalance: amount(e.loanBalance),
    creditBalance: amount(e.creditBalance),
  };
}

function substitutionView(s: SubstitutionIn): SubstitutionView {
  return { ...s, amount: amount(s.amount) };
}

type Figures = Pick<
  MeasuredClient,
  | 'approvedLimits'
  | 'drawn'
  | 'grossExposure'
  | 'netExposure'
  | 'cashMargin'
  | 'substitutedIn'
  | 'substitutedOut'
  | 'loanBalance'
  | 'creditBalance'
>;

function figures(f: Figures, tier1: Decimal): ExposureFiguresView {
  return {
    approvedLimits: amount(f.approvedLimits),
    drawn: amount(f.drawn),
    grossExposure: amount(f.grossExposure),
    netExposure: amount(f.netExposure),
    cashMargin: amount(f.cashMargin),
    substitutedIn: amount(f.substitutedIn),
    substitutedOut: amount(f.substitutedOut),
    loanBalance: amount(f.loanBalance),
    creditBalance: amount(f.creditBalance),
    shareOfTier1: pct(percentOf(f.netExposure, tier1)),
  };
}

function capitalView(
  m: MeasuredClient | MeasuredGroup,
  checks: LimitCheckView[],
  substitutionsIn: SubstitutionIn[],
): CapitalView {
  return {
    asOf: m.asOf,
    currency: m.reportingCurrency,
    capitalAsOf: m.capital.asOf,
    tier1Capital: amount(m.capital.tier1),
    netCapital: amount(m.capital.netCapital),
    isLargeExposure: m.isLargeExposure,
    worstStatus: worstStatus(checks),
    checks,
    substitutionsIn: substitutionsIn.map(substitutionView),
  };
}

export function groupExposureView(
  g: MeasuredGroup,
  nameOf: (id: string) => string,
): GroupExposureView {
  const checks = g.checks.map(limitCheckView);
  return {
    ...figures(g, g.capital.tier1),
    ...capitalView(g, checks, g.substitutionsIn),
    groupId: g.groupId,
    groupName: g.groupName,
    memberIds: g.memberIds,
    headIds: g.headIds,
    groupLimitId: g.groupLimitId,
    groupLimit: optional(g.groupLimit, amount),
    headroom: optional(g.headroom, amount),
    utilisation: optional(g.utilisation, pct),
    subLimitProblems: g.subLimitProblems,
    members: g.members.map((m) => ({
      ...figures(m, g.capital.tier1),
      entityId: m.clientId,
      name: nameOf(m.clientId),
      subLimit: optional(m.subLimit, amount),
      subLimitHeadroom: optional(m.subLimitHeadroom, amount),
      facilityIds: m.facilityIds,
      checks: checks.filter((c) => c.subjectId === m.clientId),
    })),
    facilities: g.facilities.map(facilityExposureView),
  };
}

export function clientExposureView(c: MeasuredClient): ClientExposureView {
  const checks = c.checks.map(limitCheckView);
  return {
    ...figures(c, c.capital.tier1),
    ...capitalView(c, checks, c.substitutionsIn),
    entityId: c.clientId,
    name: c.name,
    facilities: c.facilities.map(facilityExposureView),
  };
}
