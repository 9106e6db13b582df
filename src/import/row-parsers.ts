/**
 * One CSV row → one record of src/domain/model.ts, per file of the interchange format
 * (../shared/formats/README.md). Enums, dates and decimals pass through as written (their
 * validators judge them); `equity_pct` defaults to `voting_pct` as the format says.
 */
import type {
  Capital,
  ControlLink,
  Drawing,
  EntityKind,
  Facility,
  FamilyRelation,
  FamilyTie,
  FxRate,
  GroupLimit,
  Guarantee,
  LinkType,
  OwnershipType,
  Party,
  Product,
  Role,
  RoleType,
  Shareholding,
  Validity,
} from '../domain/model';
import type { RowCells } from './row-cells';

const validity = (c: RowCells): Validity => ({
  validFrom: c.text('valid_from'),
  validTo: c.text('valid_to'),
});

export const parseParty = (c: RowCells): Party => ({
  id: c.required('id'),
  kind: c.required('kind') as EntityKind,
  name: c.required('name'),
  ownership: c.text('ownership') as OwnershipType | null,
  country: c.text('country'),
  uscc: c.text('uscc'),
  lei: c.text('lei'),
  industry: c.text('industry'),
  boardSeats: c.integer('board_seats'),
  customer: c.boolean('customer'),
  portfolio: c.text('portfolio'),
});

export function parseShareholding(c: RowCells): Shareholding {
  const votingPct = c.requiredDecimal('voting_pct');
  return {
    id: c.required('id'),
    holderId: c.required('holder'),
    companyId: c.required('company'),
    votingPct,
    equityPct: c.decimal('equity_pct') ?? votingPct,
    ...validity(c),
    source: c.text('source'),
  };
}

export const parseRole = (c: RowCells): Role => ({
  id: c.required('id'),
  holderId: c.required('holder'),
  companyId: c.required('company'),
  role: c.required('role') as RoleType,
  appointedById: c.text('appointed_by'),
  ...validity(c),
  source: c.text('source'),
});

export const parseFamilyTie = (c: RowCells): FamilyTie => ({
  id: c.required('id'),
  personAId: c.required('person_a'),
  personBId: c.required('person_b'),
  relation: c.required('relation') as FamilyRelation,
  ...validity(c),
  source: c.text('source'),
});

export const parseControlLink = (c: RowCells): ControlLink => ({
  id: c.required('id'),
  fromId: c.required('from'),
  toId: c.required('to'),
  type: c.required('type') as LinkType,
  ...validity(c),
  source: c.text('source'),
  reason: c.text('reason'),
});

export const parseGuarantee = (c: RowCells): Guarantee => ({
  id: c.required('id'),
  guarantorId: c.required('guarantor'),
  borrowerId: c.required('borrower'),
  amount: c.requiredDecimal('amount'),
  currency: c.required('currency'),
  ...validity(c),
});

export const parseFacility = (c: RowCells): Facility => ({
  id: c.required('id'),
  borrowerId: c.required('borrower'),
  product: c.required('product') as Product,
  limit: c.requiredDecimal('limit'),
  currency: c.required('currency'),
  committed: c.boolean('committed'),
  cancellable: c.boolean('cancellable'),
  start: c.text('start'),
  maturity: c.text('maturity'),
  cashMargin: c.decimal('cash_margin'),
  guarantorId: c.text('guarantor'),
  guaranteedAmount: c.decimal('guaranteed_amount'),
});

export const parseDrawing = (c: RowCells): Drawing => ({
  facilityId: c.required('facility'),
  asOf: c.required('as_of'),
  drawn: c.requiredDecimal('drawn'),
});

export const parseFxRate = (c: RowCells): FxRate => ({
  currency: c.required('currency'),
  asOf: c.required('as_of'),
  rate: c.requiredDecimal('rate'),
});

export const parseCapital = (c: RowCells): Capital => ({
  asOf: c.required('as_of'),
  tier1Capital: c.requiredDecimal('tier1_capital'),
  netCapital: c.requiredDecimal('net_capital'),
  currency: c.required('currency'),
});

export const parseGroupLimit = (c: RowCells): GroupLimit => ({
  id: c.required('id'),
  memberId: c.required('member'),
  limit: c.requiredDecimal('limit'),
  currency: c.required('currency'),
  ...validity(c),
});
