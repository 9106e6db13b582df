/**
 * Fixture builders for the control engine: `aShareholding('A', 'B', '51')` and friends.
 * `graphOf` declares every entity a row mentions but the test did not: ids like "P1" or
 * "P-LI" are persons, "S-…" state bodies, anything else a private company.
 */
import { ControlFact, Derivation, DerivedGroup } from '../../../src/domain/control/types';
import {
  ControlGraph,
  ControlLink,
  DesignationKind,
  FamilyRelation,
  FamilyTie,
  Guarantee,
  LinkType,
  ManualDesignation,
  Party,
  Role,
  RoleType,
  Shareholding,
  Validity,
} from '../../../src/domain/model';

type Dated = Partial<Validity> & { id?: string; source?: string | null };

import { aParty } from '../../support/builders';

export { aParty };

export const aPerson = (id: string, fields: Partial<Party> = {}): Party =>
  aParty(id, { kind: 'PERSON', ownership: null, ...fields });
export const aCompany = (id: string, fields: Partial<Party> = {}): Party =>
  aParty(id, { kind: 'COMPANY', ownership: 'PRIVATE', ...fields });
export const aStateBody = (id: string): Party => aParty(id, { kind: 'STATE', ownership: null });

function dated(o: Dated): Validity & { source: string | null } {
  return { validFrom: o.validFrom ?? null, validTo: o.validTo ?? null, source: o.source ?? null };
}

export function aShareholding(
  holder: string,
  company: string,
  votingPct: string,
  o: Dated & { equityPct?: string } = {},
): Shareholding {
  return {
    id: o.id ?? `SH:${holder}>${company}`,
    holderId: holder,
    companyId: company,
    votingPct,
    equityPct: o.equityPct ?? votingPct,
    ...dated(o),
  };
}

export function aRole(
  holder: string,
  company: string,
  role: RoleType,
  o: Dated & { appointedBy?: string } = {},
): Role {
  return {
    id: o.id ?? `RO:${holder}>${company}:${role}`,
    holderId: holder,
    companyId: company,
    role,
    appointedById: o.appointedBy ?? null,
    ...dated(o),
  };
}

export function aFamilyTie(
  a: string,
  b: string,
  relation: FamilyRelation,
  o: Dated = {},
): FamilyTie {
  return {
    id: o.id ?? `FA:${a}>${b}:${relation}`,
    personAId: a,
    personBId: b,
    relation,
    ...dated(o),
  };
}

export function aLink(
  from: string,
  to: string,
  type: LinkType,
  o: Dated & { reason?: string } = {},
): ControlLink {
  const reason = o.reason ?? (type === 'OTHER_CONTROL' ? 'analyst judgement' : null);
  return {
    id: o.id ?? `LK:${from}>${to}:${type}`,
    fromId: from,
    toId: to,
    type,
    reason,
    ...dated(o),
  };
}

export function aGuarantee(guarantor: string, borrower: string, o: Dated = {}): Guarantee {
  const { validFrom, validTo } = dated(o);
  return {
    id: o.id ?? `GU:${guarantor}>${borrower}`,
    guarantorId: guarantor,
    borrowerId: borrower,
    amount: '1000000',
    currency: 'CNY',
    validFrom,
    validTo,
  };
}

export function aDesignation(
  kind: DesignationKind,
  entity: string,
  target: string,
  o: Dated & { reason?: string } = {},
): ManualDesignation {
  const { validFrom, validTo } = dated(o);
  return {
    id: o.id ?? `MD:${kind}:${entity}>${target}`,
    kind,
    entityId: entity,
    targetId: target,
    reason: o.reason ?? 'common management',
    approvedBy: 'chief risk officer',
    validFrom,
    validTo,
  };
}

export function graphOf(parts: Partial<ControlGraph>): ControlGraph {
  const graph: ControlGraph = {
    entities: [...(parts.entities ?? [])],
    shareholdings: parts.shareholdings ?? [],
    roles: parts.roles ?? [],
    familyTies: parts.familyTies ?? [],
    links: parts.links ?? [],
    guarantees: parts.guarantees ?? [],
    designations: parts.designations ?? [],
  };
  const known = new Set(graph.entities.map((e) => e.id));
  const mention = (id: string | null): void => {
    if (id !== null && !known.has(id)) {
      known.add(id);
      graph.entities.push(aParty(id));
    }
  };
  graph.shareholdings.forEach((r) => [r.holderId, r.companyId].forEach(mention));
  graph.roles.forEach((r) => [r.holderId, r.companyId, r.appointedById].forEach(mention));
  graph.familyTies.forEach((r) => [r.personAId, r.personBId].forEach(mention));
  graph.links.forEach((r) => [r.fromId, r.toId].forEach(mention));
  graph.guarantees.forEach((r) => [r.guarantorId, r.borrowerId].forEach(mention));
  graph.designations.forEach((r) => [r.entityId, r.targetId].forEach(mention));
  return graph;
}

/** Groups of two or more members, each as its sorted member ids. */
export function linkedGroups(d: Derivation): string[][] {
  return d.groups.filter((g) => g.memberIds.length > 1).map((g) => g.memberIds);
}

export function groupOf(d: Derivation, id: string): DerivedGroup {
  return d.groups[d.groupIndexOf.get(id) as number];
}

export function sameGroup(d: Derivation, a: string, b: string): boolean {
  return d.groupIndexOf.get(a) === d.groupIndexOf.get(b);
}

/** Facts from a to b, as "rule" codes (or all facts between them when undirected). */
export function rulesBetween(d: Derivation, a: string, b: string): string[] {
  return factsBetween(d, a, b).map((f) => f.rule);
}

export function factsBetween(d: Derivation, a: string, b: string): ControlFact[] {
  return d.facts.filter(
    (f) =>
      (f.controllerId === a && f.controlledId === b) ||
      (!f.directed && f.controllerId === b && f.controlledId === a),
  );
}
