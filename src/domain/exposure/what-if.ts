/**
 * Approval what-if (DESIGN §5, credit approver): "if I approve this facility, what is the
 * group's exposure after, and which limits warn or breach?". Pure: new arrays in, nothing
 * persisted; run the same exposure math on them and diff the checks.
 */
import { ValidationError } from '../errors';
import { DecimalString, Drawing, Facility, IsoDate, Product } from '../model';
import { dec, Decimal } from '../money/decimal';
import { LimitCheckResult } from './limit-check';

export interface HypotheticalFacilityInput {
  /** Defaults to "WHAT-IF"; must not clash with a booked facility. */
  id?: string;
  borrowerId: string;
  product: Product;
  amount: DecimalString;
  currency: string;
  /** The date the committee looks at; the facility starts then. */
  asOf: IsoDate;
  maturity?: IsoDate | null;
  committed?: boolean;
  cancellable?: boolean;
  cashMargin?: DecimalString | null;
  guarantorId?: string | null;
  guaranteedAmount?: DecimalString | null;
}

export interface WithHypothetical {
  facilities: Facility[];
  drawings: Drawing[];
  facility: Facility;
}

export function withHypotheticalFacility(
  facilities: readonly Facility[],
  drawings: readonly Drawing[],
  input: HypotheticalFacilityInput,
): WithHypothetical {
  const id = input.id ?? 'WHAT-IF';
  if (facilities.some((f) => f.id === id)) {
    throw ValidationError.of([`what-if: facility id "${id}" is already booked`]);
  }
  if (!dec(input.amount).greaterThan(0)) {
    throw ValidationError.of([`what-if: amount must be above 0, got ${input.amount}`]);
  }
  const facility: Facility = {
    id,
    borrowerId: input.borrowerId,
    product: input.product,
    limit: input.amount,
    currency: input.currency,
    committed: input.committed ?? true,
    cancellable: input.cancellable ?? false,
    start: input.asOf,
    maturity: input.maturity ?? null,
    cashMargin: input.cashMargin ?? null,
    guarantorId: input.guarantorId ?? null,
    guaranteedAmount: input.guaranteedAmount ?? null,
  };
  // The approved line is assumed fully drawn: the committee wants the exposure if the
  // line is used, not the CCF-weighted undrawn figure of the day of approval.
  const drawing: Drawing = { facilityId: id, asOf: input.asOf, drawn: input.amount };
  return { facilities: [...facilities, facility], drawings: [...drawings, drawing], facility };
}

export interface CheckChange {
  rule: string;
  subjectId: string | null;
  before: LimitCheckResult | null;
  after: LimitCheckResult | null;
  statusChanged: boolean;
  /** after.value − before.value, a missing side counting 0. */
  valueChange: Decimal;
}

function keyOf(c: LimitCheckResult): string {
  return `${c.rule}\u0000${c.subjectId ?? ''}`;
}

/** Every check whose status or value differs, or that appears or disappears; after's order. */
export function diffChecks(
  before: readonly LimitCheckResult[],
  after: readonly LimitCheckResult[],
): CheckChange[] {
  const earlier = new Map(before.map((c) => [keyOf(c), c]));
  const later = new Map(after.map((c) => [keyOf(c), c]));
  const changes: CheckChange[] = [];
  const push = (b: LimitCheckResult | null, a: LimitCheckResult | null): void => {
    const statusChanged = b?.status !== a?.status;
    const valueChange = (a?.value ?? dec(0)).minus(b?.value ?? dec(0));
    if (!statusChanged && valueChange.isZero() && b !== null && a !== null) return;
    const some = (a ?? b) as LimitCheckResult;
    changes.push({
      rule: some.rule,
      subjectId: some.subjectId,
      before: b,
      after: a,
      statusChanged,
      valueChange,
    });
  };
  for (const a of after) push(earlier.get(keyOf(a)) ?? null, a);
  for (const b of before) if (!later.has(keyOf(b))) push(b, null);
  return changes;
}
