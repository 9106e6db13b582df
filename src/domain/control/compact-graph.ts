/**
 * The control graph of one date in compact form: entities numbered once (in id order),
 * the rows valid on the date kept with their endpoints resolved to integers, and the
 * shareholding and board data the fixpoint reads laid out as typed arrays grouped by
 * company. Everything downstream works on integers; the row objects stay only as evidence.
 */
import { ValidationError } from '../errors';
import { IdIndex } from '../graph/id-index';
import { int32, uint8 } from '../graph/typed-arena';
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
import { EndResolver, keptOnly } from './row-ends';

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
  const problems: string[] = [];
  const resolve = <T extends Validity & { id: string }>(
    file: string,
    rows: readonly T[],
    fromOf: (row: T) => string,
    toOf: (row: T) => string,
  ): { rows: readonly T[]; ends: RowEnds } => {
    const ends = new EndResolver(index);
    const keep = uint8(rows.length);
    const from = int32(rows.length);
    const to = int32(rows.length);
    let kept = 0;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!isValidOn(row, asOf)) continue;
      const a = fromOf(row);
      const b = toOf(row);
      const ia = ends.from(a);
      const ib = ends.to(b);
      if (ia === -1 || ib === -1) {
        problems.push(
          `control graph: ${file} ${row.id} references unknown entity "${ia === -1 ? a : b}"`,
        );
      } else if (ia !== ib) {
        // A row from an entity to itself carries no control; validation rejects it upstream.
        keep[r] = 1;
        from[kept] = ia;
        to[kept++] = ib;
      }
    }
    // Usually every row is valid on the date: then the caller's array serves as it is.
    const keptRows = kept === rows.length ? rows : keptOnly(rows, keep, kept);
    return { rows: keptRows, ends: { from: from.subarray(0, kept), to: to.subarray(0, kept) } };
  };
  const shares = resolve(
    'shareholding',
    graph.shareholdings,
    (r) => r.holderId,
    (r) => r.companyId,
  );
  const roles = resolve(
    'role',
    graph.roles,
    (r) => r.holderId,
    (r) => r.companyId,
  );
  const appointer = int32(roles.rows.length);
  const appointers = new EndResolver(index);
  for (let r = 0; r < roles.rows.length; r++) {
    const role = roles.rows[r];
    const a = role.appointedById === null ? -1 : appointers.from(role.appointedById);
    if (a === -1 && role.appointedById !== null) {
      problems.push(
        `control graph: role ${role.id} references unknown entity "${role.appointedById}"`,
      );
    }
    appointer[r] = a;
  }
  const links = resolve(
    'link',
    graph.links,
    (r) => r.fromId,
    (r) => r.toId,
  );
  const family = resolve(
    'family tie',
    graph.familyTies,
    (r) => r.personAId,
    (r) => r.personBId,
  );
  const guarantees = resolve(
    'guarantee',
    graph.guarantees,
    (r) => r.guarantorId,
    (r) => r.borrowerId,
  );
  const designations = resolve(
    'designation',
    graph.designations,
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
