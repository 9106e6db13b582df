import {
  capitalOn,
  clientExposure,
  currencyConverter,
  evaluateLimitCheck,
  facilityExposuresOn,
  groupExposure,
  selectGroupLimit,
  type CapitalOnDate,
  type ClientExposure,
  type FacilityExposure,
  type GroupExposure,
  type LimitCheckResult,
} from '../../domain/exposure';
import type { IsoDate } from '../../domain/model';
import { dec, HUNDRED, percentOf, type Decimal } from '../../domain/money/decimal';
import type { ExposurePolicy } from '../../domain/policy';
import type { ExposureBooks } from '../../persistence/repositories/limits.repository';

/** A group to measure: its id (null for a what-if group not yet named), members and heads. */
export interface GroupRef {
  id: string | null;
  name: string;
  memberIds: readonly string[];
  headIds: readonly string[];
}

export interface MeasuredGroup extends GroupExposure {
  groupId: string | null;
  groupName: string;
  headIds: string[];
}

export interface MeasuredClient extends ClientExposure {
  name: string;
  asOf: IsoDate;
  reportingCurrency: string;
  capital: CapitalOnDate;
  shareOfTier1: Decimal;
  isLargeExposure: boolean;
  facilities: FacilityExposure[];
  checks: LimitCheckResult[];
}

/**
 * The books measured on one date under one policy: every facility's exposure computed once,
 * indexed by borrower and guarantor, so each group is measured on its own facilities only
 * (linear in the books, however many groups are asked for).
 */
export class BooksOnDate {
  readonly exposures: FacilityExposure[];
  private readonly byBorrower = new Map<string, FacilityExposure[]>();
  private readonly byGuarantor = new Map<string, FacilityExposure[]>();

  constructor(
    readonly books: ExposureBooks,
    readonly asOf: IsoDate,
    readonly policy: ExposurePolicy,
    private readonly nameOf: (id: string) => string,
  ) {
    this.exposures = facilityExposuresOn({ ...books, asOf, policy });
    for (const e of this.exposures) {
      push(this.byBorrower, e.borrowerId, e);
      if (e.substitution !== null) push(this.byGuarantor, e.substitution.guarantorId, e);
    }
  }

  /** Facilities borrowed by the members or moved onto them by substitution, by id. */
  relevantTo(memberIds: readonly string[]): FacilityExposure[] {
    const found = new Map<string, FacilityExposure>();
    for (const id of memberIds) {
      for (const e of this.byBorrower.get(id) ?? []) found.set(e.facilityId, e);
      for (const e of this.byGuarantor.get(id) ?? []) found.set(e.facilityId, e);
    }
    return [...found.values()].sort((a, b) => (a.facilityId < b.facilityId ? -1 : 1));
  }

  group(ref: GroupRef): MeasuredGroup {
    const groupLimit = selectGroupLimit(this.books.groupLimits, ref.memberIds, this.asOf);
    const subLimits = groupLimit
      ? this.books.subLimits.filter((s) => s.groupLimitId === groupLimit.id)
      : [];
    const facilityExposures = this.relevantTo(ref.memberIds);
    // Names go into the messages of member checks, and only members a facility touches (as
    // borrower or guarantor) have exposure to check: a big group's other members need none.
    const names: Record<string, string> = {};
    for (const e of facilityExposures) {
      names[e.borrowerId] ??= this.nameOf(e.borrowerId);
      if (e.substitution !== null)
        names[e.substitution.guarantorId] ??= this.nameOf(e.substitution.guarantorId);
    }
    const measured = groupExposure({
      memberIds: ref.memberIds,
      facilityExposures,
      capital: this.books.capital,
      groupLimit,
      subLimits,
      policy: this.policy,
      asOf: this.asOf,
      fxRates: this.books.fxRates,
      groupName: ref.name,
      names,
    });
    return { ...measured, groupId: ref.id, groupName: ref.name, headIds: [...ref.headIds] };
  }

  client(entityId: string): MeasuredClient {
    const { policy, asOf } = this;
    const fx = currencyConverter(this.books.fxRates, policy.reportingCurrency, asOf);
    const capital = capitalOn(this.books.capital, asOf, fx);
    const facilities = this.relevantTo([entityId]);
    const client = clientExposure(entityId, facilities);
    const name = this.nameOf(entityId);
    const checks = policy.limitChecks
      .filter((c) => c.scope === 'CLIENT')
      .map((c) => evaluateLimitCheck(c, { id: entityId, name, figures: client }, capital, policy));
    return {
      ...client,
      name,
      asOf,
      reportingCurrency: policy.reportingCurrency,
      capital,
      shareOfTier1: percentOf(client.netExposure, capital.tier1),
      isLargeExposure: client.netExposure
        .times(HUNDRED)
        .greaterThanOrEqualTo(capital.tier1.times(dec(policy.largeExposureThresholdPct))),
      facilities: facilities.filter((e) => e.borrowerId === entityId),
      checks,
    };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
