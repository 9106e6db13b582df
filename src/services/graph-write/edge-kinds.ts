import type { ControlGraph, Dataset } from '../../domain/model';
import type { GroupEdgeTable } from '../graph-store';

/** The edge kinds a data steward writes through the API, and where each one lives. */
export const EDGE_KINDS = [
  'SHAREHOLDING',
  'ROLE',
  'FAMILY_TIE',
  'CONTROL_LINK',
  'GUARANTEE',
  'DESIGNATION',
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

type GraphKey = Exclude<keyof ControlGraph, 'entities'>;

export interface EdgeKindSpec {
  /** Key in ControlGraph (and Dataset, except designations). */
  graphKey: GraphKey;
  table: string;
  /** GraphStore table, or null for guarantees (never a group link). */
  storeTable: GroupEdgeTable | null;
  /** Database columns, in the order `columns` gives values. */
  columns: readonly string[];
  values(record: never): unknown[];
}

const DATED = ['valid_from', 'valid_to'] as const;

export const EDGE_SPECS: Record<EdgeKind, EdgeKindSpec> = {
  SHAREHOLDING: spec('shareholdings', 'shareholding', 'shareholdings', {
    holder_id: 'holderId',
    company_id: 'companyId',
    voting_pct: 'votingPct',
    equity_pct: 'equityPct',
    source: 'source',
  }),
  ROLE: spec('roles', 'role', 'roles', {
    holder_id: 'holderId',
    company_id: 'companyId',
    role: 'role',
    appointed_by_id: 'appointedById',
    source: 'source',
  }),
  FAMILY_TIE: spec('familyTies', 'family_tie', 'familyTies', {
    person_a_id: 'personAId',
    person_b_id: 'personBId',
    relation: 'relation',
    source: 'source',
  }),
  CONTROL_LINK: spec('links', 'control_link', 'links', {
    from_id: 'fromId',
    to_id: 'toId',
    type: 'type',
    source: 'source',
    reason: 'reason',
  }),
  GUARANTEE: spec('guarantees', 'guarantee', null, {
    guarantor_id: 'guarantorId',
    borrower_id: 'borrowerId',
    amount: 'amount',
    currency: 'currency',
  }),
  DESIGNATION: spec('designations', 'manual_designation', 'designations', {
    kind: 'kind',
    entity_id: 'entityId',
    target_id: 'targetId',
    reason: 'reason',
    approved_by: 'approvedBy',
  }),
};

function spec(
  graphKey: GraphKey,
  table: string,
  storeTable: GroupEdgeTable | null,
  fields: Record<string, string>,
): EdgeKindSpec {
  const columns = ['id', ...Object.keys(fields), ...DATED];
  const props = ['id', ...Object.values(fields), 'validFrom', 'validTo'];
  return {
    graphKey,
    table,
    storeTable,
    columns,
    values: (record: never) => props.map((p) => (record as Record<string, unknown>)[p] ?? null),
  };
}

/** The interchange key validated by the import's rules (designations have none). */
export function datasetKeyOf(kind: EdgeKind): keyof Dataset | null {
  const key = EDGE_SPECS[kind].graphKey;
  return key === 'designations' ? null : key;
}
