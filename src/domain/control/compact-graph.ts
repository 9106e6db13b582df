/**
 * The control graph of one date in compact form: entities numbered once (in id order),
 * the rows valid on the date kept with their endpoints resolved to integers, and the
 * shareholding and board data the fixpoint reads laid out as typed arrays grouped by
 * company. Everything downstream works on integers; the row objects stay only as evidence.
 */
import { ValidationError } from '../errors';
import { IdIndex } from '../graph/id-index';
import { uint8 } from '../graph/typed-arena';
import {
  ControlGraph,
  ControlLink,
  DESIGNATION_KINDS,
  FAMILY_RELATIONS,
  LINK_TYPES,
  FamilyTie,
  Guarantee,
  ManualDesignation,
  Party,
  Role,
  Shareholding,
} from '../model';
import { BoardData, buildBoardData } from './compact-board';
import { buildHoldings, Holdings } from './compact-holdings';
import {
  Problems,
  resolveRoles,
  resolveRows,
  resolveShareholdings,
  RowEnds,
} from './row-resolution';

export type { RowEnds } from './row-resolution';

export const KIND_CODE = { COMPANY: 0, PERSON: 1, INSTITUTION: 2, STATE: 3 } as const;

export interface CompactGraph {
  readonly asOf: string;
  readonly index: IdIndex;
  readonly n: number;
  /** The record of entity x (built on demand from columns). */
  party(x: number): Party;
  readonly kind: Uint8Array;
  readonly privateCompany: Uint8Array;
  readonly shares: readonly Shareholding[];
  readonly shareEnds: RowEnds; // holder -> company
  readonly holdings: Holdings;
  readonly roles: readonly Role[];
  readonly roleEnds: RowEnds; // holder -> company
  /** ROLE_CODE of each role row. */
  readonly roleCode: Uint8Array;
  readonly board: BoardData;
  readonly links: readonly ControlLink[];
  readonly linkEnds: RowEnds;
  /** Index in LINK_TYPES of each link row (NO_CODE for another value). */
  readonly linkType: Uint8Array;
  readonly family: readonly FamilyTie[];
  readonly familyEnds: RowEnds; // person A -> person B
  /** Index in FAMILY_RELATIONS of each family row. */
  readonly familyRelation: Uint8Array;
  /** The id of family row r (without building the row's record). */
  familyId(r: number): string;
  readonly guarantees: readonly Guarantee[];
  readonly guaranteeEnds: RowEnds; // guarantor -> borrower
  readonly designations: readonly ManualDesignation[];
  readonly designationEnds: RowEnds; // entity -> target
  /** Index in DESIGNATION_KINDS of each designation row. */
  readonly designationKind: Uint8Array;
}

/** A row's code for a value outside the list it is coded against. */
export const NO_CODE = 255;

/** Code of each value of `values` (its index), NO_CODE for any other. */
export function codesOf(values: readonly string[]): Readonly<Record<string, number>> {
  const codes: Record<string, number> = Object.create(null) as Record<string, number>;
  values.forEach((v, i) => (codes[v] = i));
  return codes;
}

export const LINK_CODE = codesOf(LINK_TYPES);
export const FAMILY_CODE = codesOf(FAMILY_RELATIONS);
export const DESIGNATION_CODE = codesOf(DESIGNATION_KINDS);

/** The codes of `rows`' field, read once from the records. */
function codeColumn<T>(
  rows: readonly T[],
  codes: Readonly<Record<string, number>>,
  valueOf: (row: T) => string,
): Uint8Array {
  const out = uint8(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = codes[valueOf(rows[r])] ?? NO_CODE;
  return out;
}

export function compactGraph(graph: ControlGraph, asOf: string): CompactGraph {
  const entities = graph.entities;
  const index = IdIndex.of(entities.map((e) => e.id));
  const n = index.size;
  const parties = new Array<Party>(n);
  const kind = uint8(n);
  const privateCompany = uint8(n);
  for (let k = 0; k < entities.length; k++) {
    const party = entities[k];
    // Entities given in id order need no lookup.
    const i = index.idOf(k) === party.id ? k : index.indexOf(party.id);
    parties[i] = party;
    kind[i] = KIND_CODE[party.kind];
    privateCompany[i] = party.kind === 'COMPANY' && party.ownership === 'PRIVATE' ? 1 : 0;
  }
  const problems: Problems = [];
  const shares = resolveShareholdings(index, graph.shareholdings, asOf, problems);
  const roles = resolveRoles(index, graph.roles, asOf, problems);
  const links = resolveRows(
    index,
    'link',
    graph.links,
    asOf,
    problems,
    (r) => r.fromId,
    (r) => r.toId,
  );
  const family = resolveRows(
    index,
    'family tie',
    graph.familyTies,
    asOf,
    problems,
    (r) => r.personAId,
    (r) => r.personBId,
  );
  const guarantees = resolveRows(
    index,
    'guarantee',
    graph.guarantees,
    asOf,
    problems,
    (r) => r.guarantorId,
    (r) => r.borrowerId,
  );
  const designations = resolveRows(
    index,
    'designation',
    graph.designations,
    asOf,
    problems,
    (r) => r.entityId,
    (r) => r.targetId,
  );
  if (problems.length > 0) throw ValidationError.of(problems);

  return {
    asOf,
    index,
    n,
    party: (x) => parties[x],
    kind,
    privateCompany,
    shares: shares.rows,
    shareEnds: shares.ends,
    holdings: buildHoldings(n, shares.ends, shares.votingPct),
    roles: roles.rows,
    roleEnds: roles.ends,
    roleCode: roles.roleCode,
    board: buildBoardData(
      n,
      (y) => parties[y].boardSeats,
      roles.ends,
      roles.roleCode,
      roles.appointer,
    ),
    links: links.rows,
    linkEnds: links.ends,
    linkType: codeColumn(links.rows, LINK_CODE, (l) => l.type),
    family: family.rows,
    familyEnds: family.ends,
    familyRelation: codeColumn(family.rows, FAMILY_CODE, (t) => t.relation),
    familyId: (r) => family.rows[r].id,
    guarantees: guarantees.rows,
    guaranteeEnds: guarantees.ends,
    designations: designations.rows,
    designationEnds: designations.ends,
    designationKind: codeColumn(designations.rows, DESIGNATION_CODE, (d) => d.kind),
  };
}
