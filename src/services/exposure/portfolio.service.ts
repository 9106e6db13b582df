import type { CheckStatus } from '../../domain/exposure';
import type { IsoDate } from '../../domain/model';
import { ValidationError } from '../../domain/errors';
import { dec, type Decimal } from '../../domain/money/decimal';
import type { MeasuredGroup } from './books-on-date';
import { assertListSize, type ExposureService } from './exposure.service';
import { groupExposureView, severity, worstStatus } from './exposure-presenter';
import type { GroupExposureView, LimitCheckView } from './exposure-views';

export type TopGroupsOrder = 'NET_EXPOSURE' | 'SHARE_OF_TIER1';

export interface LimitAlertView {
  group: GroupExposureView;
  /** The group's checks at or above the status asked for, worst first. */
  checks: LimitCheckView[];
  worstStatus: CheckStatus;
}

/**
 * The committee's portfolio views (DESIGN §5): every group that has a facility on the date
 * (as borrower or as guarantor) measured once per request, from one read of the bank's books
 * and one derivation of those entities' groups.
 */
export class PortfolioService {
  private readonly measured = new Map<IsoDate, Promise<MeasuredGroup[]>>();

  constructor(private readonly exposure: ExposureService) {}

  async largeExposures(asOf: IsoDate | null, first: number): Promise<GroupExposureView[]> {
    assertListSize(first);
    const groups = await this.groupsOn(this.exposure.dateOrToday(asOf));
    return byDescending(
      groups.filter((g) => g.isLargeExposure),
      (g) => g.netExposure,
    )
      .slice(0, first)
      .map((g) => this.view(g));
  }

  async topGroups(
    asOf: IsoDate | null,
    by: TopGroupsOrder,
    first: number,
  ): Promise<GroupExposureView[]> {
    assertListSize(first);
    const groups = await this.groupsOn(this.exposure.dateOrToday(asOf));
    const key =
      by === 'NET_EXPOSURE'
        ? (g: MeasuredGroup) => g.netExposure
        : (g: MeasuredGroup) => g.shareOfTier1;
    return byDescending(groups, key)
      .slice(0, first)
      .map((g) => this.view(g));
  }

  async limitAlerts(
    asOf: IsoDate | null,
    minStatus: CheckStatus,
    first: number,
  ): Promise<LimitAlertView[]> {
    assertListSize(first);
    if (minStatus === 'PASS') {
      throw ValidationError.of(['limitAlerts: minStatus must be WARN or BREACH']);
    }
    const groups = await this.groupsOn(this.exposure.dateOrToday(asOf));
    const alarming = (g: MeasuredGroup) =>
      g.checks.some((c) => severity(c.status) >= severity(minStatus));
    // Only the groups with an alert are presented: the bank's other groups cost nothing more.
    const alerts = groups
      .filter(alarming)
      .map((g) => this.view(g))
      .map((group) => {
        const checks = group.checks
          .filter((c) => severity(c.status) >= severity(minStatus))
          .sort(
            (a, b) =>
              severity(b.status) - severity(a.status) ||
              compareDecimalText(b.utilisation, a.utilisation),
          );
        return { group, checks, worstStatus: worstStatus(checks) };
      });
    alerts.sort(
      (a, b) =>
        severity(b.worstStatus) - severity(a.worstStatus) ||
        compareDecimalText(b.checks[0].utilisation, a.checks[0].utilisation) ||
        compareText(a.group.groupId ?? '', b.group.groupId ?? ''),
    );
    return alerts.slice(0, first);
  }

  private view(g: MeasuredGroup): GroupExposureView {
    return groupExposureView(g, this.exposure.nameOf);
  }

  private groupsOn(asOf: IsoDate): Promise<MeasuredGroup[]> {
    let found = this.measured.get(asOf);
    if (!found) this.measured.set(asOf, (found = this.measureAll(asOf)));
    return found;
  }

  private async measureAll(asOf: IsoDate): Promise<MeasuredGroup[]> {
    const books = this.exposure.measure(await this.exposure.repo.booksOfBank(asOf), asOf);
    const parties = new Set<string>();
    for (const f of books.books.facilities) {
      parties.add(f.borrowerId);
      if (f.guarantorId !== null) parties.add(f.guarantorId);
    }
    const views = new Map(
      [...this.exposure.locator.groupsOf(parties, asOf).values()].map((v) => [v.id, v]),
    );
    return [...views.values()].map((v) => books.group(this.exposure.refOf(v)));
  }
}

function byDescending(
  groups: MeasuredGroup[],
  key: (g: MeasuredGroup) => Decimal,
): MeasuredGroup[] {
  return [...groups].sort(
    (a, b) => key(b).comparedTo(key(a)) || compareText(a.groupId ?? '', b.groupId ?? ''),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Presented decimals compare as numbers, not as text ("9" < "10"). */
function compareDecimalText(a: string, b: string): number {
  return dec(a).comparedTo(dec(b));
}
