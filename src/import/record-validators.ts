/**
 * Single-record rules of the interchange format and DESIGN.md §7 (percentages in range,
 * dates ordered, no self-ownership, 统一社会信用代码 / LEI checksums, OTHER_CONTROL needs a
 * reason, a facility's guarantor comes with its guaranteed amount). Pure: plain record in,
 * problems out, named by interchange column, for the bulk import and the API alike.
 */
import { leiProblem } from '../domain/identifiers/lei';
import { usccProblem } from '../domain/identifiers/uscc';
import {
  type Capital,
  type ControlLink,
  type Drawing,
  ENTITY_KINDS,
  type Facility,
  FAMILY_RELATIONS,
  type FamilyTie,
  type FxRate,
  type Guarantee,
  type GroupLimit,
  LINK_TYPES,
  OWNERSHIP_TYPES,
  type Party,
  PRODUCTS,
  type Role,
  ROLE_TYPES,
  type Shareholding,
} from '../domain/model';
import { FieldChecks } from './field-checks';
import type { FieldProblem } from './import-problem';

export function validateParty(p: Party): FieldProblem[] {
  const c = new FieldChecks();
  c.id('id', p.id);
  c.oneOf('kind', p.kind, ENTITY_KINDS);
  c.required('name', p.name);
  c.oneOf('ownership', p.ownership, OWNERSHIP_TYPES, false);
  c.country('country', p.country);
  if (p.uscc) c.add('uscc', usccProblem(p.uscc));
  if (p.lei) c.add('lei', leiProblem(p.lei));
  if (p.boardSeats !== null && !(Number.isInteger(p.boardSeats) && p.boardSeats > 0)) {
    c.add('board_seats', `${p.boardSeats}: must be a whole number greater than 0`);
  }
  return c.problems;
}

export function validateShareholding(s: Shareholding): FieldProblem[] {
  const c = new FieldChecks();
  c.id('id', s.id);
  c.id('holder', s.holderId);
  c.id('company', s.companyId);
  c.decimal('voting_pct', s.votingPct, 'percent');
  // An omitted equity_pct is the voting_pct: a bad value is reported once, under voting_pct.
  if (s.equityPct !== s.votingPct) c.decimal('equity_pct', s.equityPct, 'percent');
  c.distinct('company', s.holderId, s.companyId, 'self-ownership');
  c.validity(s);
  return c.problems;
}

export function validateRole(r: Role): FieldProblem[] {
  const c = new FieldChecks();
  c.id('id', r.id);
  c.id('holder', r.holderId);
  c.id('company', r.companyId);
  c.oneOf('role', r.role, ROLE_TYPES);
  c.id('appointed_by', r.appointedById, false);
  c.validity(r);
  return c.problems;
}

export function validateFamilyTie(f: FamilyTie): FieldProblem[] {
  const c = new FieldChecks();
  c.id('id', f.id);
  c.id('person_a', f.personAId);
  c.id('person_b', f.personBId);
  c.oneOf('relation', f.relation, FAMILY_RELATIONS);
  c.distinct('person_b', f.personAId, f.personBId, 'a person cannot be their own relative');
  c.validity(f);
  return c.problems;
}

export function validateControlLink(l: ControlLink): FieldProblem[] {
  const c = new FieldChecks();
  c.id('id', l.id);
  c.id('from', l.fromId);
  c.id('to', l.toId);
  c.oneOf('type', l.type, LINK_TYPES);
  c.distinct('to', l.fromId, l.toId, 'a link needs two different parties');
  if (l.type === 'OTHER_CONTROL' && !l.reason) c.add('reason', 'required for OTHER_CONTROL');
  c.validity(l);
  return c.problems;
}

export function validateGuarantee(g: Guarantee): FieldProblem[] {
  const c = new FieldChecks();
  c.id('id', g.id);
  c.id('guarantor', g.guarantorId);
  c.id('borrower', g.borrowerId);
  c.decimal('amount', g.amount, 'non-negative');
  c.currency('currency', g.currency);
  c.distinct('borrower', g.guarantorId, g.borrowerId, 'a party cannot guarantee itself');
  c.validity(g);
  return c.problems;
}

export function validateFacility(f: Facility): FieldProblem[] {
  const c = new FieldChecks();
  c.id('id', f.id);
  c.id('borrower', f.borrowerId);
  c.oneOf('product', f.product, PRODUCTS);
  c.decimal('limit', f.limit, 'non-negative');
  c.currency('currency', f.currency);
  c.ordered('start', f.start, 'maturity', f.maturity);
  c.decimal('cash_margin', f.cashMargin, 'non-negative', false);
  c.id('guarantor', f.guarantorId, false);
  c.decimal('guaranteed_amount', f.guaranteedAmount, 'non-negative', false);
  if (f.guarantorId && !f.guaranteedAmount) {
    c.add('guaranteed_amount', 'required when a guarantor is given');
  }
  if (!f.guarantorId && f.guaranteedAmount) {
    c.add('guarantor', 'required when a guaranteed_amount is given');
  }
  return c.problems;
}

export function validateDrawing(d: Drawing): FieldProblem[] {
  const c = new FieldChecks();
  c.id('facility', d.facilityId);
  c.date('as_of', d.asOf, true);
  c.decimal('drawn', d.drawn, 'non-negative');
  return c.problems;
}

export function validateFxRate(r: FxRate): FieldProblem[] {
  const c = new FieldChecks();
  c.currency('currency', r.currency);
  c.date('as_of', r.asOf, true);
  c.decimal('rate', r.rate, 'positive');
  return c.problems;
}

export function validateCapital(k: Capital): FieldProblem[] {
  const c = new FieldChecks();
  c.date('as_of', k.asOf, true);
  c.decimal('tier1_capital', k.tier1Capital, 'positive');
  c.decimal('net_capital', k.netCapital, 'positive');
  c.currency('currency', k.currency);
  return c.problems;
}

export function validateGroupLimit(g: GroupLimit): FieldProblem[] {
  const c = new FieldChecks();
  c.id('id', g.id);
  c.id('member', g.memberId);
  c.decimal('limit', g.limit, 'non-negative');
  c.currency('currency', g.currency);
  c.validity(g);
  return c.problems;
}
