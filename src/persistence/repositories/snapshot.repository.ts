import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  Capital,
  ControlGraph,
  Drawing,
  Facility,
  FxRate,
  GroupLimit,
} from '../../domain/model';
import { streamRows, withRawClient } from './raw-rows';

/**
 * Whole-table reads for the in-memory graph: one statement per table, columns aliased to the
 * domain's field names, dates as text (never through JS Date and its time zone), numerics as
 * the driver's exact strings.
 */
const DATES = `valid_from::text as "validFrom", valid_to::text as "validTo"`;

const GRAPH_QUERIES = {
  entities: `select id, kind, name, ownership, country, uscc, lei, industry, board_seats as "boardSeats",
      customer, portfolio from party order by id`,
  shareholdings: `select id, holder_id as "holderId", company_id as "companyId", voting_pct::text as "votingPct",
      equity_pct::text as "equityPct", ${DATES}, source from shareholding order by id`,
  roles: `select id, holder_id as "holderId", company_id as "companyId", role, appointed_by_id as "appointedById",
      ${DATES}, source from role order by id`,
  familyTies: `select id, person_a_id as "personAId", person_b_id as "personBId", relation, ${DATES}, source
      from family_tie order by id`,
  links: `select id, from_id as "fromId", to_id as "toId", type, ${DATES}, source, reason from control_link order by id`,
  guarantees: `select id, guarantor_id as "guarantorId", borrower_id as "borrowerId", amount::text as amount,
      currency, ${DATES} from guarantee order by id`,
  designations: `select id, kind, entity_id as "entityId", target_id as "targetId", reason, approved_by as "approvedBy",
      ${DATES} from manual_designation order by id`,
} as const;

/** The graph as records (tools, tests); the server loads columns instead (loadGraphStore). */
export async function loadControlGraph(em: EntityManager): Promise<ControlGraph> {
  const conn = em.getConnection();
  const entries = await Promise.all(
    Object.entries(GRAPH_QUERIES).map(
      async ([key, sql]) => [key, await conn.execute(sql)] as const,
    ),
  );
  return Object.fromEntries(entries) as unknown as ControlGraph;
}

/**
 * The same tables for a bulk load into columns: each row as an array in the loader's field
 * order (graph-tables' TABLE_FIELDS), streamed from the driver one row at a time, so no
 * million-row result or record is ever held; every table read in one repeatable-read
 * snapshot, so endpoints always name rows of the same moment. Entities come first, in
 * code-unit id order (collation "C"), which is the order the derivation numbers them in.
 */
const GRAPH_ROW_QUERIES = {
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
      for (const [table, sql] of Object.entries(GRAPH_ROW_QUERIES)) {
        await streamRows(client, sql, (values) => add(table as GraphRowTable, values));
      }
      if (own) await client.query('commit');
    } catch (err) {
      if (own) await client.query('rollback').catch(() => undefined);
      throw err;
    }
  });
}

export interface Books {
  facilities: Facility[];
  drawings: Drawing[];
  fxRates: FxRate[];
  capital: Capital[];
  groupLimits: GroupLimit[];
}

const BOOK_QUERIES = {
  facilities: `select id, borrower_id as "borrowerId", product, limit_amount::text as "limit", currency, committed,
      cancellable, start_date::text as start, maturity_date::text as maturity, cash_margin::text as "cashMargin",
      guarantor_id as "guarantorId", guaranteed_amount::text as "guaranteedAmount" from facility order by id`,
  drawings: `select facility_id as "facilityId", as_of::text as "asOf", drawn::text as drawn from drawing
      order by facility_id, as_of`,
  fxRates: `select currency, as_of::text as "asOf", rate::text as rate from fx_rate order by currency, as_of`,
  capital: `select as_of::text as "asOf", tier1_capital::text as "tier1Capital", net_capital::text as "netCapital",
      currency from capital order by as_of`,
  groupLimits: `select id, member_id as "memberId", limit_amount::text as "limit", currency, ${DATES}
      from group_limit order by id`,
} as const;

export async function loadBooks(em: EntityManager): Promise<Books> {
  const conn = em.getConnection();
  const entries = await Promise.all(
    Object.entries(BOOK_QUERIES).map(async ([key, sql]) => [key, await conn.execute(sql)] as const),
  );
  return Object.fromEntries(entries) as unknown as Books;
}
