/**
 * The control graph of one date in compact form: entities numbered once (in id order),
 * the rows valid on the date kept, and the shareholding and board data the fixpoint reads
 * laid out as typed arrays grouped by company. Everything downstream of this file works
 * on integers; the row objects stay only as evidence.
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
} from '../model';
import { buildHoldings, Holdings } from './compact-holdings';
import { BoardData, buildBoardData } from './compact-board';

export const KIND_CODE = { COMPANY: 0, PERSON: 1, INSTITUTION: 2, STATE: 3 } as const;

export interface CompactGraph {
  readonly asOf: string;
  readonly index: IdIndex;
  readonly n: number;
  readonly parties: readonly Party[];
  readonly kind: Uint8Array;
  readonly privateCompany: Uint8Array;
  readonly shares: readonly Shareholding[];
  readonly holdings: Holdings;
  readonly roles: readonly Role[];
  readonly board: BoardData;
  readonly links: readonly ControlLink[];
  readonly family: readonly FamilyTie[];
  readonly guarantees: readonly Guarantee[];
  readonly designations: readonly ManualDesignation[];
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
  const known = (row: { id: string }, file: string, ...refs: string[]): boolean => {
    for (const ref of refs) {
      if (index.indexOf(ref) === -1) {
        problems.push(`control graph: ${file} ${row.id} references unknown entity "${ref}"`);
        return false;
      }
    }
    return refs.length < 2 || refs[0] !== refs[1]; // a self-link carries no control
  };
  const valid = <T extends { validFrom: string | null; validTo: string | null }>(rows: T[]) =>
    rows.filter((r) => isValidOn(r, asOf));

  const shares = valid(graph.shareholdings).filter((r) =>
    known(r, 'shareholding', r.holderId, r.companyId),
  );
  const roles = valid(graph.roles).filter((r) =>
    known(r, 'role', r.holderId, r.companyId, ...(r.appointedById ? [r.appointedById] : [])),
  );
  const links = valid(graph.links).filter((r) => known(r, 'link', r.fromId, r.toId));
  const family = valid(graph.familyTies).filter((r) =>
    known(r, 'family tie', r.personAId, r.personBId),
  );
  const guarantees = valid(graph.guarantees).filter((r) =>
    known(r, 'guarantee', r.guarantorId, r.borrowerId),
  );
  const designations = valid(graph.designations).filter((r) =>
    known(r, 'designation', r.entityId, r.targetId),
  );
  if (problems.length > 0) throw ValidationError.of(problems);

  return {
    asOf,
    index,
    n,
    parties,
    kind,
    privateCompany,
    shares,
    holdings: buildHoldings(index, shares),
    roles,
    board: buildBoardData(index, parties, roles),
    links,
    family,
    guarantees,
    designations,
  };
}
