import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  Capital,
  ControlGraph,
  Drawing,
  Facility,
  FxRate,
  GroupLimit,
} from '../../domain/model';

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
