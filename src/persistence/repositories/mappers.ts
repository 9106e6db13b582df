import type {
  ControlLink,
  Facility,
  FamilyTie,
  Guarantee,
  Party,
  Role,
  Shareholding,
} from '../../domain/model';
import type {
  ControlLinkRow,
  FacilityRow,
  FamilyTieRow,
  GuaranteeRow,
  PartyRow,
  RoleRow,
  ShareholdingRow,
} from '../entities';

/** Rows → the domain's plain records (drops ORM bookkeeping such as `version`). */
export const toParty = (r: PartyRow): Party => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  ownership: r.ownership,
  country: r.country,
  uscc: r.uscc,
  lei: r.lei,
  industry: r.industry,
  boardSeats: r.boardSeats,
  customer: r.customer,
  portfolio: r.portfolio,
});

export const toShareholding = (r: ShareholdingRow): Shareholding => ({
  id: r.id,
  holderId: r.holderId,
  companyId: r.companyId,
  votingPct: r.votingPct,
  equityPct: r.equityPct,
  validFrom: r.validFrom,
  validTo: r.validTo,
  source: r.source,
});

export const toRole = (r: RoleRow): Role => ({
  id: r.id,
  holderId: r.holderId,
  companyId: r.companyId,
  role: r.role,
  appointedById: r.appointedById,
  validFrom: r.validFrom,
  validTo: r.validTo,
  source: r.source,
});

export const toFamilyTie = (r: FamilyTieRow): FamilyTie => ({
  id: r.id,
  personAId: r.personAId,
  personBId: r.personBId,
  relation: r.relation,
  validFrom: r.validFrom,
  validTo: r.validTo,
  source: r.source,
});

export const toControlLink = (r: ControlLinkRow): ControlLink => ({
  id: r.id,
  fromId: r.fromId,
  toId: r.toId,
  type: r.type,
  validFrom: r.validFrom,
  validTo: r.validTo,
  source: r.source,
  reason: r.reason,
});

export const toGuarantee = (r: GuaranteeRow): Guarantee => ({
  id: r.id,
  guarantorId: r.guarantorId,
  borrowerId: r.borrowerId,
  amount: r.amount,
  currency: r.currency,
  validFrom: r.validFrom,
  validTo: r.validTo,
});

export const toFacility = (r: FacilityRow): Facility => ({
  id: r.id,
  borrowerId: r.borrowerId,
  product: r.product,
  limit: r.limit,
  currency: r.currency,
  committed: r.committed,
  cancellable: r.cancellable,
  start: r.start,
  maturity: r.maturity,
  cashMargin: r.cashMargin,
  guarantorId: r.guarantorId,
  guaranteedAmount: r.guaranteedAmount,
});
