/**
 * Connected-group exposure (集团客户, CBIRC 2018 《商业银行大额风险暴露管理办法》 Art. 8 and
 * the 2.5 % large-exposure definition; CBRC 集团客户授信 guideline Art. 12): member
 * figures summed, guarantee substitution into members included and out of members excluded,
 * measured against the unified group limit and the concentration checks.
 */
import { ValidationError } from '../errors';
import { Capital, FxRate, GroupLimit, IsoDate } from '../model';
import { dec, Decimal, HUNDRED, percentOf } from '../money/decimal';
import { ExposurePolicy } from '../policy/exposure-policy';
import { CapitalOnDate, capitalOn } from './capital-base';
import {
  ClientExposure,
  clientExposure,
  ExposureTotals,
  exposureTotals,
  hasExposure,
  SubstitutionIn,
  substitutionsInto,
} from './client-exposure';
import { FacilityExposure } from './facility-exposure';
import { currencyConverter } from './fx-conversion';
import { SubLimit, validateSubLimits } from './group-limit';
import { evaluateLimitCheck, LimitCheckResult } from './limit-check';
import { compareStrings } from './ordering';

export interface GroupExposureInput {
  memberIds: readonly string[];
  /** Exposures of the bank's facilities on `asOf` (at least the members' and those they guarantee). */
  facilityExposures: readonly FacilityExposure[];
  capital: readonly Capital[];
  groupLimit: GroupLimit | null;
  subLimits?: readonly SubLimit[];
  policy: ExposurePolicy;
  asOf: IsoDate;
  /** Needed when capital, the group limit or a sub-limit is not in the reporting currency. */
  fxRates?: readonly FxRate[];
  /** For messages: the group's name and members' names; ids stand in when absent. */
  groupName?: string;
  names?: Readonly<Record<string, string>>;
}

export interface MemberExposure extends ClientExposure {
  subLimit: Decimal | null;
  /** subLimit − net exposure; null without a sub-limit. */
  subLimitHeadroom: Decimal | null;
}

export interface GroupExposure extends ExposureTotals {
  asOf: IsoDate;
  reportingCurrency: string;
  memberIds: string[];
  capital: CapitalOnDate;
  /** Net exposure as a percentage of Tier 1 capital. */
  shareOfTier1: Decimal;
  isLargeExposure: boolean;
  groupLimitId: string | null;
  groupLimit: Decimal | null;
  /** groupLimit − net exposure; null without a group limit. */
  headroom: Decimal | null;
  /** Net exposure as a percentage of the group limit; null without one. */
  utilisation: Decimal | null;
  members: MemberExposure[];
  /** Facilities borrowed by members, by facility id. */
  facilities: FacilityExposure[];
  /** Substitutions onto a member as guarantor (also between two members). */
  substitutionsIn: SubstitutionIn[];
  subLimitProblems: string[];
  checks: LimitCheckResult[];
}

/**
 * Each client's facilities (as borrower or as guarantor), in input order: a member's figures
 * then read its own facilities, not the group's, so a big group costs linear time.
 */
function exposuresByClient(
  exposures: readonly FacilityExposure[],
): Map<string, FacilityExposure[]> {
  const byClient = new Map<string, FacilityExposure[]>();
  const add = (id: string, e: FacilityExposure) => {
    const list = byClient.get(id);
    if (list) list.push(e);
    else byClient.set(id, [e]);
  };
  for (const e of exposures) {
    add(e.borrowerId, e);
    const guarantor = e.substitution?.guarantorId;
    if (guarantor !== undefined && guarantor !== e.borrowerId) add(guarantor, e);
  }
  return byClient;
}

function assertSameBasis(input: GroupExposureInput): void {
  const wrong = input.facilityExposures.filter(
    (e) => e.asOf !== input.asOf || e.reportingCurrency !== input.policy.reportingCurrency,
  );
  if (wrong.length > 0) {
    throw ValidationError.of(
      wrong.map(
        (e) =>
          `group exposure: facility ${e.facilityId} was measured on ${e.asOf} in ` +
          `${e.reportingCurrency}, not ${input.asOf} in ${input.policy.reportingCurrency}`,
      ),
    );
  }
}

export function groupExposure(input: GroupExposureInput): GroupExposure {
  assertSameBasis(input);
  const { policy, asOf } = input;
  const memberIds = [...new Set(input.memberIds)].sort(compareStrings);
  const members = new Set(memberIds);
  const fx = currencyConverter(input.fxRates ?? [], policy.reportingCurrency, asOf);
  const capital = capitalOn(input.capital, asOf, fx);
  const facilities = input.facilityExposures.filter((e) => members.has(e.borrowerId));
  const substitutionsIn = substitutionsInto(members, input.facilityExposures);
  // Totals straight from the facilities, not from the member rows, so the two can be checked.
  const totals = exposureTotals(facilities, substitutionsIn);

  const subLimits = input.subLimits ?? [];
  const subLimitProblems = subLimits
    .filter((s) => !members.has(s.memberId))
    .map((s) => `sub-limits: ${s.memberId} has a sub-limit but is not a member of the group`);
  if (input.groupLimit !== null) {
    subLimitProblems.push(...validateSubLimits(input.groupLimit, subLimits, fx));
  } else if (subLimits.length > 0) {
    subLimitProblems.push('sub-limits: the group has sub-limits but no unified group limit');
  }

  const touching = exposuresByClient(input.facilityExposures);
  const subLimitOf = new Map<string, SubLimit>();
  for (const s of subLimits) if (!subLimitOf.has(s.memberId)) subLimitOf.set(s.memberId, s);
  const memberRows: MemberExposure[] = memberIds.map((id) => {
    const client = clientExposure(id, touching.get(id) ?? []);
    const own = subLimitOf.get(id);
    const subLimit = own ? fx.toReporting(dec(own.limit), own.currency) : null;
    return {
      ...client,
      subLimit,
      subLimitHeadroom: subLimit === null ? null : subLimit.minus(client.netExposure),
    };
  });

  const groupLimit =
    input.groupLimit === null
      ? null
      : fx.toReporting(dec(input.groupLimit.limit), input.groupLimit.currency);

  const name = (id: string): string => input.names?.[id] ?? id;
  const groupSubject = { id: null, name: input.groupName ?? 'Connected group', figures: totals };
  const checks = [
    ...policy.limitChecks
      .filter((c) => c.scope === 'GROUP')
      .map((c) => evaluateLimitCheck(c, groupSubject, capital, policy)),
    ...memberRows
      .filter(hasExposure)
      .flatMap((m) =>
        policy.limitChecks
          .filter((c) => c.scope === 'CLIENT')
          .map((c) =>
            evaluateLimitCheck(
              c,
              { id: m.clientId, name: name(m.clientId), figures: m },
              capital,
              policy,
            ),
          ),
      ),
  ];

  return {
    ...totals,
    asOf,
    reportingCurrency: policy.reportingCurrency,
    memberIds,
    capital,
    shareOfTier1: percentOf(totals.netExposure, capital.tier1),
    isLargeExposure: totals.netExposure
      .times(HUNDRED)
      .greaterThanOrEqualTo(capital.tier1.times(dec(policy.largeExposureThresholdPct))),
    groupLimitId: input.groupLimit?.id ?? null,
    groupLimit,
    headroom: groupLimit === null ? null : groupLimit.minus(totals.netExposure),
    utilisation: groupLimit === null ? null : percentOf(totals.netExposure, groupLimit),
    members: memberRows,
    facilities,
    substitutionsIn,
    subLimitProblems,
    checks,
  };
}
