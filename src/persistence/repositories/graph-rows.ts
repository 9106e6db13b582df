import type { EntityManager } from '@mikro-orm/postgresql';
import { CopyTextRows } from './copy-text';
import { copyRows, streamRows, withRawClient } from './raw-rows';

/**
 * The graph's tables for a bulk load into columns: each row as an array in the loader's field
 * order (graph-tables' TABLE_FIELDS), streamed one row at a time through COPY, so no
 * million-row result or record is ever held; every table read in one repeatable-read
 * snapshot, so endpoints always name rows of the same moment. Entities come first, in
 * code-unit id order (collation "C"), which is the order the derivation numbers them in.
 * Dates and numerics as text: PostgreSQL's own spelling, never through JS Date or floats.
 */
export const GRAPH_ROW_QUERIES = {
  entities: `select id, kind, name, ownership, country, uscc, lei, industry, board_seats, customer,
      portfolio from party order by id collate "C"`,
  shareholdings: `select id, holder_id, company_id, voting_pct::text, equity_pct::text,
      valid_from::text, valid_to::text, source from shareholding`,
  roles: `select id, holder_id, company_id, role, appointed_by_id, valid_from::text,
      valid_to::text, source from role`,
  familyTies: `select id, person_a_id, person_b_id, relation, valid_from::text, valid_to::text,
      source from family_tie`,
  links: `select id, from_id, to_id, type, valid_from::text, valid_to::text, source, reason
      from control_link`,
  guarantees: `select id, guarantor_id, borrower_id, amount::text, currency, valid_from::text,
      valid_to::text from guarantee`,
  designations: `select id, kind, entity_id, target_id, reason, approved_by, valid_from::text,
      valid_to::text from manual_designation`,
} as const;
export type GraphRowTable = keyof typeof GRAPH_ROW_QUERIES;

/**
 * Cells per row, and which of them repeat (codes, dates, percentages): interned once, and
 * handed on as InternedText, which the store's dictionaries take as they take strings.
 */
const SHAPES: Record<GraphRowTable, { width: number; interned: number[] }> = {
  entities: { width: 11, interned: [1, 3, 4, 7, 10] },
  shareholdings: { width: 8, interned: [3, 4, 5, 6, 7] },
  roles: { width: 8, interned: [3, 5, 6, 7] },
  familyTies: { width: 7, interned: [3, 4, 5, 6] },
  links: { width: 8, interned: [3, 4, 5, 6, 7] },
  guarantees: { width: 7, interned: [3, 4, 5, 6] },
  designations: { width: 8, interned: [1, 4, 5, 6, 7] },
};

/** Where an entity row has the cells COPY writes as text but the store keeps typed. */
const BOARD_SEATS = 8;
const CUSTOMER = 9;

/** Row counts in the same snapshot, so the loader sizes its columns once. */
const GRAPH_ROW_COUNTS = `select (select count(*) from party)::int, (select count(*) from shareholding)::int,
  (select count(*) from role)::int, (select count(*) from family_tie)::int,
  (select count(*) from control_link)::int, (select count(*) from guarantee)::int,
  (select count(*) from manual_designation)::int`;

export function streamGraphRows(
  em: EntityManager,
  add: (table: GraphRowTable, values: unknown[]) => void,
  reserve: (table: GraphRowTable, rows: number) => void = () => undefined,
): Promise<void> {
  return withRawClient(em, async (client, inTransaction) => {
    const own = !inTransaction;
    if (own) await client.query('begin transaction isolation level repeatable read read only');
    try {
      const tables = Object.keys(GRAPH_ROW_QUERIES) as GraphRowTable[];
      await streamRows(client, GRAPH_ROW_COUNTS, (counts) =>
        tables.forEach((table, i) => reserve(table, counts[i] as number)),
      );
      for (const table of tables) {
        await copyRows(client, GRAPH_ROW_QUERIES[table], graphRowParser(table, add));
      }
      if (own) await client.query('commit');
    } catch (err) {
      if (own) await client.query('rollback').catch(() => undefined);
      throw err;
    }
  });
}

/** Cuts one table's COPY text into rows for `add`, typed as the store takes them. */
export function graphRowParser(
  table: GraphRowTable,
  add: (table: GraphRowTable, values: unknown[]) => void,
): CopyTextRows {
  const { width, interned } = SHAPES[table];
  if (table !== 'entities') return new CopyTextRows(width, (cells) => add(table, cells), interned);
  return new CopyTextRows(
    width,
    (cells) => {
      const row = cells as unknown[];
      row[BOARD_SEATS] = cells[BOARD_SEATS] === null ? null : Number(cells[BOARD_SEATS]);
      row[CUSTOMER] = cells[CUSTOMER] === 't';
      add(table, row);
    },
    interned,
  );
}
