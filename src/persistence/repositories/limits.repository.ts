import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubLimit } from '../../domain/exposure';
import type { Capital, FxRate, GroupLimit, IsoDate } from '../../domain/model';
import type { Books } from './snapshot.repository';

export interface StoredSubLimit extends SubLimit {
  groupLimitId: string;
}

/** What exposure on one date needs: the books of some borrowers, or of the whole bank. */
export interface ExposureBooks extends Books {
  subLimits: StoredSubLimit[];
}

/**
 * Column lists alias to the domain's field names; dates leave as text (never through JS Date
 * and its time zone), numerics as the driver's exact strings. Id lists travel as
 * `array[?]::text[]`: the driver inlines an array as a comma list, and `array[]::text[]` is
 * still valid SQL when the list is empty.
 */
const FACILITY = `f.id, f.borrower_id as "borrowerId", f.product, f.limit_amount::text as "limit", f.currency,
  f.committed, f.cancellable, f.start_date::text as start, f.maturity_date::text as maturity,
  f.cash_margin::text as "cashMargin", f.guarantor_id as "guarantorId",
  f.guaranteed_amount::text as "guaranteedAmount"`;
const ACTIVE = `(f.start_date is null or f.start_date <= ?::date)
  and (f.maturity_date is null or f.maturity_date > ?::date)`;
const OF_MEMBERS = `(f.borrower_id = any(array[?]::text[]) or f.guarantor_id = any(array[?]::text[]))`;
const GROUP_LIMIT = `g.id, g.member_id as "memberId", g.limit_amount::text as "limit", g.currency,
  g.valid_from::text as "validFrom", g.valid_to::text as "validTo"`;
const SUB_LIMIT = `s.group_limit_id as "groupLimitId", s.member_id as "memberId",
  s.limit_amount::text as "limit", s.currency`;

/**
 * The books behind exposure and limits. A read costs one statement per table whatever the
 * number of borrowers: facilities of the members or guaranteed by them, their latest
 * drawings, the FX rates and capital in force, the members' group limits and sub-limits.
 */
export class LimitsRepository {
  constructor(private readonly em: EntityManager) {}

  /** Books for exposure on `asOf` of `memberIds` (and of what they guarantee). */
  async booksOfMembers(memberIds: readonly string[], asOf: IsoDate): Promise<ExposureBooks> {
    const ids = [...memberIds];
    const [facilities, drawings, fxRates, capital, groupLimits, subLimits] = await Promise.all([
      this.em.execute(
        `select ${FACILITY} from facility f where ${OF_MEMBERS} and ${ACTIVE} order by f.id`,
        [ids, ids, asOf, asOf],
      ),
      this.em.execute(
        `select distinct on (d.facility_id) d.facility_id as "facilityId", d.as_of::text as "asOf",
           d.drawn::text as drawn
         from drawing d join facility f on f.id = d.facility_id
         where ${OF_MEMBERS} and ${ACTIVE} and d.as_of <= ?::date
         order by d.facility_id, d.as_of desc`,
        [ids, ids, asOf, asOf, asOf],
      ),
      this.fxRatesOn(asOf),
      this.capitalOn(asOf),
      this.em.execute(
        `select ${GROUP_LIMIT} from group_limit g where g.member_id = any(array[?]::text[]) order by g.id`,
        [ids],
      ),
      this.em.execute(
        `select ${SUB_LIMIT} from group_sub_limit s join group_limit g on g.id = s.group_limit_id
         where g.member_id = any(array[?]::text[]) order by s.group_limit_id, s.member_id`,
        [ids],
      ),
    ]);
    return { facilities, drawings, fxRates, capital, groupLimits, subLimits } as ExposureBooks;
  }

  /** The whole bank's books for exposure on `asOf`: every facility active then. */
  async booksOfBank(asOf: IsoDate): Promise<ExposureBooks> {
    const [facilities, drawings, fxRates, capital, groupLimits, subLimits] = await Promise.all([
      this.em.execute(`select ${FACILITY} from facility f where ${ACTIVE} order by f.id`, [
        asOf,
        asOf,
      ]),
      this.em.execute(
        `select distinct on (d.facility_id) d.facility_id as "facilityId", d.as_of::text as "asOf",
           d.drawn::text as drawn
         from drawing d where d.as_of <= ?::date order by d.facility_id, d.as_of desc`,
        [asOf],
      ),
      this.fxRatesOn(asOf),
      this.capitalOn(asOf),
      this.em.execute(
        `select ${GROUP_LIMIT} from group_limit g where g.validity @> ?::date order by g.id`,
        [asOf],
      ),
      this.em.execute(
        `select ${SUB_LIMIT} from group_sub_limit s join group_limit g on g.id = s.group_limit_id
         where g.validity @> ?::date order by s.group_limit_id, s.member_id`,
        [asOf],
      ),
    ]);
    return { facilities, drawings, fxRates, capital, groupLimits, subLimits } as ExposureBooks;
  }

  /** The latest rate of each currency on or before `asOf`. */
  fxRatesOn(asOf: IsoDate): Promise<FxRate[]> {
    return this.em.execute(
      `select distinct on (currency) currency, as_of::text as "asOf", rate::text as rate
       from fx_rate where as_of <= ?::date order by currency, as_of desc`,
      [asOf],
    );
  }

  /** The capital row in force on `asOf` (the latest on or before it), as a one-row list. */
  capitalOn(asOf: IsoDate): Promise<Capital[]> {
    return this.em.execute(
      `select as_of::text as "asOf", tier1_capital::text as "tier1Capital",
         net_capital::text as "netCapital", currency
       from capital where as_of <= ?::date order by as_of desc limit 1`,
      [asOf],
    );
  }

  async capitalRow(asOf: IsoDate): Promise<Capital | null> {
    const [row] = await this.em.execute<Capital[]>(
      `select as_of::text as "asOf", tier1_capital::text as "tier1Capital",
         net_capital::text as "netCapital", currency from capital where as_of = ?::date`,
      [asOf],
    );
    return row ?? null;
  }

  async upsertCapital(row: Capital): Promise<void> {
    await this.em.execute(
      `insert into capital (as_of, tier1_capital, net_capital, currency) values (?::date, ?, ?, ?)
       on conflict (as_of) do update set tier1_capital = excluded.tier1_capital,
         net_capital = excluded.net_capital, currency = excluded.currency`,
      [row.asOf, row.tier1Capital, row.netCapital, row.currency],
    );
  }

  /** Group-limit rows naming any of `memberIds`, locked for the caller's transaction. */
  groupLimitsForUpdate(memberIds: readonly string[]): Promise<GroupLimit[]> {
    return this.em.execute(
      `select ${GROUP_LIMIT} from group_limit g where g.member_id = any(array[?]::text[])
       order by g.id for update`,
      [[...memberIds]],
    );
  }

  async groupLimitIdTaken(id: string): Promise<boolean> {
    const rows = await this.em.execute(`select 1 from group_limit where id = ?`, [id]);
    return rows.length > 0;
  }

  async insertGroupLimit(row: GroupLimit): Promise<void> {
    await this.em.execute(
      `insert into group_limit (id, member_id, limit_amount, currency, valid_from, valid_to)
       values (?, ?, ?, ?, ?::date, ?::date)`,
      [row.id, row.memberId, row.limit, row.currency, row.validFrom, row.validTo],
    );
  }

  async updateGroupLimit(row: GroupLimit): Promise<void> {
    await this.em.execute(
      `update group_limit set member_id = ?, limit_amount = ?, currency = ?, valid_from = ?::date,
         valid_to = ?::date, version = version + 1 where id = ?`,
      [row.memberId, row.limit, row.currency, row.validFrom, row.validTo, row.id],
    );
  }

  subLimitsOf(groupLimitIds: readonly string[]): Promise<StoredSubLimit[]> {
    return this.em.execute(
      `select ${SUB_LIMIT} from group_sub_limit s where s.group_limit_id = any(array[?]::text[])
       order by s.group_limit_id, s.member_id`,
      [[...groupLimitIds]],
    );
  }

  async replaceSubLimits(groupLimitId: string, subLimits: readonly SubLimit[]): Promise<void> {
    await this.em.execute(`delete from group_sub_limit where group_limit_id = ?`, [groupLimitId]);
    if (subLimits.length === 0) return;
    await this.em.execute(
      `insert into group_sub_limit (group_limit_id, member_id, limit_amount, currency)
       select ?, * from unnest(array[?]::text[], array[?]::numeric[], array[?]::text[])`,
      [
        groupLimitId,
        subLimits.map((s) => s.memberId),
        subLimits.map((s) => s.limit),
        subLimits.map((s) => s.currency),
      ],
    );
  }
}
