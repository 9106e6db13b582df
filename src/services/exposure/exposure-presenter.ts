/**
 * Domain exposure results → the API's views: amounts and percentages rounded by the one
 * presentation rule, member checks picked out of the group's checks. A view is computed once
 * per group, date and data generation (ExposureService caches it), so ordering and rounding
 * are done here, never per request.
 */
import {
  checkSeverity,
  compareBySubjectThenRule,
  compareWorstFirst,
  type CheckStatus,
  type FacilityExposure,
  type LimitCheckResult,
  type SubstitutionIn,
} from '../../domain/exposure';
import { type Decimal, percentOf, roundForPresentation } from '../../domain/money/decimal';
import type { MeasuredClient, MeasuredGroup } from './books-on-date';
import type {
  CapitalView,
  ClientExposureView,
  ExposureFiguresView,
  FacilityExposureView,
  GroupExposureView,
  LimitCheckView,
  SubstitutionView,
} from './exposure-views';

const amount = (d: Decimal): string => roundForPresentation(d, 'amount');
const pct = (d: Decimal): string => roundForPresentation(d, 'percent');
const optional = (d: Decimal | null, f: (d: Decimal) => string) => (d === null ? null : f(d));

export const severity = checkSeverity;

export function worstStatus(checks: readonly { status: CheckStatus }[]): CheckStatus {
  let worst: CheckStatus = 'PASS';
  for (const c of checks) if (checkSeverity(c.status) > checkSeverity(worst)) worst = c.status;
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

/**
 * The group's checks as an approver reads them: its own concentration checks, then the
 * members' single-client checks that are not PASS, worst first. The complete member list
 * (every status, by member then rule) is kept beside it for paging. Only PASS checks are
 * left out of `shown`, so its worst status is the group's.
 */
function groupChecks(g: MeasuredGroup) {
  const presented = new Map<LimitCheckResult, LimitCheckView>();
  const view = (c: LimitCheckResult) => presented.get(c)!;
  for (const c of g.checks) presented.set(c, limitCheckView(c));
  const ofGroup = g.checks.filter((c) => c.scope === 'GROUP');
  const ofMembers = g.checks.filter((c) => c.scope !== 'GROUP');
  const flagged = ofMembers.filter((c) => c.status !== 'PASS').sort(compareWorstFirst);
  const byMember = new Map<string | null, LimitCheckView[]>();
  for (const c of ofMembers) {
    const list = byMember.get(c.subjectId);
    if (list) list.push(view(c));
    else byMember.set(c.subjectId, [view(c)]);
  }
  return {
    shown: [...ofGroup, ...flagged].map(view),
    memberChecks: [...ofMembers].sort(compareBySubjectThenRule).map(view),
    byMember,
  };
}

export function groupExposureView(
  g: MeasuredGroup,
  nameOf: (id: string) => string,
): GroupExposureView {
  const checks = groupChecks(g);
  return {
    ...figures(g, g.capital.tier1),
    ...capitalView(g, checks.shown, g.substitutionsIn),
    memberChecks: checks.memberChecks,
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
      checks: checks.byMember.get(m.clientId) ?? [],
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
