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
  readonly parties: readonly Party[];
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
  readonly family: readonly FamilyTie[];
  readonly familyEnds: RowEnds; // person A -> person B
  readonly guarantees: readonly Guarantee[];
  readonly guaranteeEnds: RowEnds; // guarantor -> borrower
  readonly designations: readonly ManualDesignation[];
  readonly designationEnds: RowEnds; // entity -> target
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
    parties,
    kind,
    privateCompany,
    shares: shares.rows,
    shareEnds: shares.ends,
    holdings: buildHoldings(n, shares.ends, shares.votingPct),
    roles: roles.rows,
    roleEnds: roles.ends,
    roleCode: roles.roleCode,
    board: buildBoardData(n, parties, roles.ends, roles.roleCode, roles.appointer),
    links: links.rows,
    linkEnds: links.ends,
    family: family.rows,
    familyEnds: family.ends,
    guarantees: guarantees.rows,
    guaranteeEnds: guarantees.ends,
    designations: designations.rows,
    designationEnds: designations.ends,
  };
}
