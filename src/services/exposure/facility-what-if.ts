import { ValidationError } from '../../domain/errors';
import {
  diffChecks,
  withHypotheticalFacility,
  type CheckChange,
  type HypotheticalFacilityInput,
} from '../../domain/exposure';
import type { IsoDate } from '../../domain/model';
import { dec, roundForPresentation } from '../../domain/money/decimal';
import type { ExposureService } from './exposure.service';
import {
  facilityExposureView,
  groupExposureView,
  limitCheckView,
  severity,
  worstStatus,
} from './exposure-presenter';
import type { FacilityExposureView, GroupExposureView, LimitCheckView } from './exposure-views';

export type FacilityProposal = Omit<HypotheticalFacilityInput, 'asOf' | 'id'>;

export interface CheckChangeView {
  groupId: string | null;
  rule: string;
  subjectId: string | null;
  before: LimitCheckView | null;
  after: LimitCheckView | null;
  statusChanged: boolean;
  valueChange: string;
}

export interface GroupWhatIfView {
  groupId: string | null;
  groupName: string;
  before: GroupExposureView;
  after: GroupExposureView;
  changes: CheckChangeView[];
}

export interface FacilityWhatIfView {
  asOf: IsoDate;
  /** The proposed facility's exposure, as if approved and fully drawn on `asOf`. */
  facility: FacilityExposureView;
  groups: GroupWhatIfView[];
  /** Every check that changes, over all affected groups. */
  changes: CheckChangeView[];
  worstStatusAfter: LimitCheckView['status'];
  /** True when a check that was not in breach would be. */
  crossesLimit: boolean;
}

const CURRENCY = /^[A-Z]{3}$/;

export function checkChangeView(groupId: string | null, c: CheckChange): CheckChangeView {
  return {
    groupId,
    rule: c.rule,
    subjectId: c.subjectId,
    before: c.before && limitCheckView(c.before),
    after: c.after && limitCheckView(c.after),
    statusChanged: c.statusChanged,
    valueChange: roundForPresentation(c.valueChange, 'amount'),
  };
}

/**
 * Approval what-if (DESIGN §5): the borrower's group (and the guarantor's, if the guarantee
 * moves exposure into another group) measured on the booked facilities, then again with the
 * proposed one added fully drawn; every check that changes. Reads only: nothing is written.
 */
export async function simulateFacility(
  service: ExposureService,
  proposal: FacilityProposal,
  asOf: IsoDate | null,
): Promise<FacilityWhatIfView> {
  const date = service.dateOrToday(asOf);
  assertProposal(service, proposal);
  const parties = [proposal.borrowerId, ...(proposal.guarantorId ? [proposal.guarantorId] : [])];
  const groups = [...new Set(service.locator.groupsOf(parties, date).values())];
  const members = [...new Set(groups.flatMap((g) => g.memberIds))];
  const books = await service.repo.booksOfMembers(members, date);
  const added = withHypotheticalFacility(books.facilities, books.drawings, {
    ...proposal,
    asOf: date,
  });
  const before = service.measure(books, date);
  const after = service.measure({ ...books, ...added }, date);

  const results = groups.map((g) => {
    const ref = service.refOf(g);
    const b = before.group(ref);
    const a = after.group(ref);
    return {
      groupId: g.id,
      groupName: ref.name,
      before: groupExposureView(b, service.nameOf),
      after: groupExposureView(a, service.nameOf),
      changes: diffChecks(b.checks, a.checks).map((c) => checkChangeView(g.id, c)),
    };
  });
  const changes = results.flatMap((r) => r.changes);
  const proposed = after.exposures.find((e) => e.facilityId === added.facility.id)!;
  return {
    asOf: date,
    facility: facilityExposureView(proposed),
    groups: results,
    changes,
    worstStatusAfter: worstStatus(results.flatMap((r) => r.after.checks)),
    crossesLimit: changes.some(
      (c) => c.after?.status === 'BREACH' && (c.before === null || severity(c.before.status) < 2),
    ),
  };
}

function assertProposal(service: ExposureService, p: FacilityProposal): void {
  const problems: string[] = [];
  const store = service.app.groups.store;
  if (!store.hasEntity(p.borrowerId)) problems.push(`what-if: no entity "${p.borrowerId}"`);
  if (!CURRENCY.test(p.currency)) problems.push('what-if: currency must be an ISO 4217 code');
  if (!dec(p.amount).greaterThan(0)) problems.push('what-if: amount must be above 0');
  if (p.cashMargin && dec(p.cashMargin).isNegative()) {
    problems.push('what-if: cashMargin must not be negative');
  }
  if (p.guarantorId) {
    if (!store.hasEntity(p.guarantorId)) problems.push(`what-if: no entity "${p.guarantorId}"`);
    if (p.guarantorId === p.borrowerId) {
      problems.push('what-if: a borrower cannot guarantee its own facility');
    }
    if (!p.guaranteedAmount || !dec(p.guaranteedAmount).greaterThan(0)) {
      problems.push('what-if: a guarantor needs a guaranteedAmount above 0');
    }
  } else if (p.guaranteedAmount) {
    problems.push('what-if: guaranteedAmount needs a guarantorId');
  }
  if (problems.length > 0) throw ValidationError.of(problems);
}
