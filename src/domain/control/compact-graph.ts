/**
 * The control graph of one date in compact form: entities numbered once (in id order),
 * the rows valid on the date kept with their endpoints resolved to integers, and the
 * shareholding and board data the fixpoint reads laid out as typed arrays grouped by
 * company. Everything downstream works on integers; the row objects stay only as evidence.
 */
import { ValidationError } from '../errors';
import { IdIndex } from '../graph/id-index';
import {
  ControlGraph,
  ControlLink,
  FamilyTie,
  Guarantee,
  isValidOn,
  ManualDesignation,
  Party,
  Role,
  Shareholding,
  Validity,
} from '../model';
import { BoardData, buildBoardData } from './compact-board';
import { buildHoldings, Holdings } from './compact-holdings';

export const KIND_CODE = { COMPANY: 0, PERSON: 1, INSTITUTION: 2, STATE: 3 } as const;

/** Row r runs from entity `from[r]` to entity `to[r]`. */
export interface RowEnds {
  readonly from: Int32Array;
  readonly to: Int32Array;
}

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
  const index = IdIndex.of(graph.entities.map((e) => e.id));
  const n = index.size;
  const parties = new Array<Party>(n);
  const kind = new Uint8Array(n);
  const privateCompany = new Uint8Array(n);
  for (const party of graph.entities) {
    const i = index.indexOf(party.id);
    parties[i] = party;
    kind[i] = KIND_CODE[party.kind];
    privateCompany[i] = party.kind === 'COMPANY' && party.ownership === 'PRIVATE' ? 1 : 0;
  }
  const problems: string[] = [];
  const resolve = <T extends Validity & { id: string }>(
    file: string,
    rows: readonly T[],
    ends: (row: T) => [string, string],
  ): { rows: T[]; ends: RowEnds } => {
    const kept: T[] = [];
    const from: number[] = [];
    const to: number[] = [];
    for (const row of rows) {
      if (!isValidOn(row, asOf)) continue;
      const [a, b] = ends(row);
      const ia = index.indexOf(a);
      const ib = index.indexOf(b);
      if (ia === -1 || ib === -1) {
        problems.push(
          `control graph: ${file} ${row.id} references unknown entity "${ia === -1 ? a : b}"`,
        );
      } else if (ia !== ib) {
        // A row from an entity to itself carries no control; validation rejects it upstream.
        kept.push(row);
        from.push(ia);
        to.push(ib);
      }
    }
    return { rows: kept, ends: { from: Int32Array.from(from), to: Int32Array.from(to) } };
  };
  const shares = resolve('shareholding', graph.shareholdings, (r) => [r.holderId, r.companyId]);
  const roles = resolve('role', graph.roles, (r) => [r.holderId, r.companyId]);
  const appointer = Int32Array.from(roles.rows, (r) => {
    if (r.appointedById === null) return -1;
    const a = index.indexOf(r.appointedById);
    if (a === -1) {
      problems.push(`control graph: role ${r.id} references unknown entity "${r.appointedById}"`);
    }
    return a;
  });
  const links = resolve('link', graph.links, (r) => [r.fromId, r.toId]);
  const family = resolve('family tie', graph.familyTies, (r) => [r.personAId, r.personBId]);
  const guarantees = resolve('guarantee', graph.guarantees, (r) => [r.guarantorId, r.borrowerId]);
  const designations = resolve('designation', graph.designations, (r) => [r.entityId, r.targetId]);
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
    holdings: buildHoldings(n, shares.rows, shares.ends),
    roles: roles.rows,
    roleEnds: roles.ends,
    board: buildBoardData(n, parties, roles.rows, roles.ends, appointer),
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
