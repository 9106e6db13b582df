/**
 * One record → one CSV row in the README's column order (../shared/formats/README.md).
 * Values are written as held: the exporter hands over canonical decimals and ISO dates.
 */
import type {
  Capital,
  ControlLink,
  Drawing,
  Facility,
  FamilyTie,
  FxRate,
  GroupLimit,
  Guarantee,
  Party,
  Role,
  Shareholding,
} from '../domain/model';

export type CsvRow = (string | null)[];

const bool = (value: boolean): string => (value ? 'true' : 'false');

export const formatParty = (p: Party): CsvRow => [
  p.id,
  p.kind,
  p.name,
  p.ownership,
  p.country,
  p.uscc,
  p.lei,
  p.industry,
  p.boardSeats === null ? null : String(p.boardSeats),
  bool(p.customer),
  p.portfolio,
];

export const formatShareholding = (s: Shareholding): CsvRow => [
  s.id,
  s.holderId,
  s.companyId,
  s.votingPct,
  s.equityPct,
  s.validFrom,
  s.validTo,
  s.source,
];

export const formatRole = (r: Role): CsvRow => [
  r.id,
  r.holderId,
  r.companyId,
  r.role,
  r.appointedById,
  r.validFrom,
  r.validTo,
  r.source,
];

export const formatFamilyTie = (f: FamilyTie): CsvRow => [
  f.id,
  f.personAId,
  f.personBId,
  f.relation,
  f.validFrom,
  f.validTo,
  f.source,
];

export const formatControlLink = (l: ControlLink): CsvRow => [
  l.id,
  l.fromId,
  l.toId,
  l.type,
  l.validFrom,
  l.validTo,
  l.source,
  l.reason,
];

export const formatGuarantee = (g: Guarantee): CsvRow => [
  g.id,
  g.guarantorId,
  g.borrowerId,
  g.amount,
  g.currency,
  g.validFrom,
  g.validTo,
];

export const formatFacility = (f: Facility): CsvRow => [
  f.id,
  f.borrowerId,
  f.product,
  f.limit,
  f.currency,
  bool(f.committed),
  bool(f.cancellable),
  f.start,
  f.maturity,
  f.cashMargin,
  f.guarantorId,
  f.guaranteedAmount,
];

export const formatDrawing = (d: Drawing): CsvRow => [d.facilityId, d.asOf, d.drawn];

export const formatFxRate = (r: FxRate): CsvRow => [r.currency, r.asOf, r.rate];

export const formatCapital = (c: Capital): CsvRow => [
  c.asOf,
  c.tier1Capital,
  c.netCapital,
  c.currency,
];

export const formatGroupLimit = (g: GroupLimit): CsvRow => [
  g.id,
  g.memberId,
  g.limit,
  g.currency,
  g.validFrom,
  g.validTo,
];
