/**
 * How each file of the interchange format maps onto its table of
 * Migration20261123000001_dated_graph: per file column, the database column, its SQL type
 * (for `unnest` arrays on the way in and text rendering on the way out) and how to read it
 * from the record. Columns are in the README's order, so an export row is a select row.
 */
import type { DatasetKey, RecordOf } from '../interchange-format';

export type SqlType = 'text' | 'date' | 'numeric' | 'boolean' | 'integer';
type Cell = string | number | boolean | null;

export interface ColumnSpec<T> {
  /** Column name in the CSV file. */
  file: string;
  db: string;
  type: SqlType;
  get(record: T): Cell;
}

export interface TableSpec<T> {
  table: string;
  /** The conflict target: the primary key. */
  key: readonly string[];
  columns: readonly ColumnSpec<T>[];
  /** Tables with optimistic locking get `version + 1` on a real change. */
  versioned: boolean;
  touchesUpdatedAt: boolean;
  /** Byte order (collation "C") so exports diff cleanly whatever the database's locale. */
  orderBy: string;
}

type Specs = { [K in DatasetKey]: TableSpec<RecordOf<K>> };

const col = <T>(file: string, db: string, type: SqlType, get: (r: T) => Cell): ColumnSpec<T> => ({
  file,
  db,
  type,
  get,
});

type Dated = { validFrom: string | null; validTo: string | null };
const validity = <T extends Dated>(): ColumnSpec<T>[] => [
  col('valid_from', 'valid_from', 'date', (r) => r.validFrom),
  col('valid_to', 'valid_to', 'date', (r) => r.validTo),
];

const edge = { key: ['id'], versioned: true, touchesUpdatedAt: false, orderBy: 'id collate "C"' };

export const TABLES: Specs = {
  entities: {
    table: 'party',
    ...edge,
    touchesUpdatedAt: true,
    columns: [
      col('id', 'id', 'text', (r) => r.id),
      col('kind', 'kind', 'text', (r) => r.kind),
      col('name', 'name', 'text', (r) => r.name),
      col('ownership', 'ownership', 'text', (r) => r.ownership),
      col('country', 'country', 'text', (r) => r.country),
      col('uscc', 'uscc', 'text', (r) => r.uscc),
      col('lei', 'lei', 'text', (r) => r.lei),
      col('industry', 'industry', 'text', (r) => r.industry),
      col('board_seats', 'board_seats', 'integer', (r) => r.boardSeats),
      col('customer', 'customer', 'boolean', (r) => r.customer),
      col('portfolio', 'portfolio', 'text', (r) => r.portfolio),
    ],
  },
  shareholdings: {
    table: 'shareholding',
    ...edge,
    columns: [
      col('id', 'id', 'text', (r) => r.id),
      col('holder', 'holder_id', 'text', (r) => r.holderId),
      col('company', 'company_id', 'text', (r) => r.companyId),
      col('voting_pct', 'voting_pct', 'numeric', (r) => r.votingPct),
      col('equity_pct', 'equity_pct', 'numeric', (r) => r.equityPct),
      ...validity(),
      col('source', 'source', 'text', (r) => r.source),
    ],
  },
  roles: {
    table: 'role',
    ...edge,
    columns: [
      col('id', 'id', 'text', (r) => r.id),
      col('holder', 'holder_id', 'text', (r) => r.holderId),
      col('company', 'company_id', 'text', (r) => r.companyId),
      col('role', 'role', 'text', (r) => r.role),
      col('appointed_by', 'appointed_by_id', 'text', (r) => r.appointedById),
      ...validity(),
      col('source', 'source', 'text', (r) => r.source),
    ],
  },
  familyTies: {
    table: 'family_tie',
    ...edge,
    columns: [
      col('id', 'id', 'text', (r) => r.id),
      col('person_a', 'person_a_id', 'text', (r) => r.personAId),
      col('person_b', 'person_b_id', 'text', (r) => r.personBId),
      col('relation', 'relation', 'text', (r) => r.relation),
      ...validity(),
      col('source', 'source', 'text', (r) => r.source),
    ],
  },
  links: {
    table: 'control_link',
    ...edge,
    columns: [
      col('id', 'id', 'text', (r) => r.id),
      col('from', 'from_id', 'text', (r) => r.fromId),
      col('to', 'to_id', 'text', (r) => r.toId),
      col('type', 'type', 'text', (r) => r.type),
      ...validity(),
      col('source', 'source', 'text', (r) => r.source),
      col('reason', 'reason', 'text', (r) => r.reason),
    ],
  },
  guarantees: {
    table: 'guarantee',
    ...edge,
    columns: [
      col('id', 'id', 'text', (r) => r.id),
      col('guarantor', 'guarantor_id', 'text', (r) => r.guarantorId),
      col('borrower', 'borrower_id', 'text', (r) => r.borrowerId),
      col('amount', 'amount', 'numeric', (r) => r.amount),
      col('currency', 'currency', 'text', (r) => r.currency),
      ...validity(),
    ],
  },
  facilities: {
    table: 'facility',
    ...edge,
    columns: [
      col('id', 'id', 'text', (r) => r.id),
      col('borrower', 'borrower_id', 'text', (r) => r.borrowerId),
      col('product', 'product', 'text', (r) => r.product),
      col('limit', 'limit_amount', 'numeric', (r) => r.limit),
      col('currency', 'currency', 'text', (r) => r.currency),
      col('committed', 'committed', 'boolean', (r) => r.committed),
      col('cancellable', 'cancellable', 'boolean', (r) => r.cancellable),
      col('start', 'start_date', 'date', (r) => r.start),
      col('maturity', 'maturity_date', 'date', (r) => r.maturity),
      col('cash_margin', 'cash_margin', 'numeric', (r) => r.cashMargin),
      col('guarantor', 'guarantor_id', 'text', (r) => r.guarantorId),
      col('guaranteed_amount', 'guaranteed_amount', 'numeric', (r) => r.guaranteedAmount),
    ],
  },
  drawings: {
    table: 'drawing',
    key: ['facility_id', 'as_of'],
    versioned: false,
    touchesUpdatedAt: false,
    orderBy: 'facility_id collate "C", as_of',
    columns: [
      col('facility', 'facility_id', 'text', (r) => r.facilityId),
      col('as_of', 'as_of', 'date', (r) => r.asOf),
      col('drawn', 'drawn', 'numeric', (r) => r.drawn),
    ],
  },
  fxRates: {
    table: 'fx_rate',
    key: ['currency', 'as_of'],
    versioned: false,
    touchesUpdatedAt: false,
    orderBy: 'currency collate "C", as_of',
    columns: [
      col('currency', 'currency', 'text', (r) => r.currency),
      col('as_of', 'as_of', 'date', (r) => r.asOf),
      col('rate', 'rate', 'numeric', (r) => r.rate),
    ],
  },
  capital: {
    table: 'capital',
    key: ['as_of'],
    versioned: false,
    touchesUpdatedAt: false,
    orderBy: 'as_of',
    columns: [
      col('as_of', 'as_of', 'date', (r) => r.asOf),
      col('tier1_capital', 'tier1_capital', 'numeric', (r) => r.tier1Capital),
      col('net_capital', 'net_capital', 'numeric', (r) => r.netCapital),
      col('currency', 'currency', 'text', (r) => r.currency),
    ],
  },
  groupLimits: {
    table: 'group_limit',
    ...edge,
    columns: [
      col('id', 'id', 'text', (r) => r.id),
      col('member', 'member_id', 'text', (r) => r.memberId),
      col('limit', 'limit_amount', 'numeric', (r) => r.limit),
      col('currency', 'currency', 'text', (r) => r.currency),
      ...validity(),
    ],
  },
};
