import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import type { ControlLink, Facility, FamilyTie, Guarantee, Party } from '../../domain/model';
import {
  ControlLinkRow,
  FacilityRow,
  FamilyTieRow,
  GuaranteeRow,
  PartyRow,
  RoleRow,
  ShareholdingRow,
} from '../entities';
import {
  toControlLink,
  toFacility,
  toFamilyTie,
  toGuarantee,
  toParty,
  toRole,
  toShareholding,
} from './mappers';
import { validOn } from './valid-on';

export interface PartyFilter {
  kind?: string | null;
  nameContains?: string | null;
  customer?: boolean | null;
  portfolio?: string | null;
}

/**
 * Batched reads of the dated graph: every method takes a list of ids and issues one
 * statement, so DataLoaders keep a request's SQL count independent of its row count.
 * `asOf` null means every row, past and present.
 */
export class GraphRepository {
  constructor(private readonly em: EntityManager) {}

  async partiesByIds(ids: readonly string[]): Promise<Party[]> {
    const rows = await this.em.find(PartyRow, { id: { $in: [...ids] } }, readOnly);
    return rows.map(toParty);
  }

  /** Keyset page ordered by id; `limit + 1` rows tell whether there is a next page. */
  async listParties(filter: PartyFilter, after: string | null, limit: number): Promise<Party[]> {
    const where: Record<string, unknown> = {};
    if (filter.kind) where.kind = filter.kind;
    if (filter.customer !== undefined && filter.customer !== null) where.customer = filter.customer;
    if (filter.portfolio) where.portfolio = filter.portfolio;
    if (filter.nameContains) where.name = { $ilike: `%${escapeLike(filter.nameContains)}%` };
    if (after !== null) where.id = { $gt: after };
    const rows = await this.em.find(PartyRow, where, {
      ...readOnly,
      orderBy: { id: 'asc' },
      limit,
    });
    return rows.map(toParty);
  }

  shareholdingsOf(side: 'holderId' | 'companyId', ids: readonly string[], asOf: string | null) {
    return this.dated(ShareholdingRow, [side], ids, asOf, toShareholding);
  }

  rolesOf(side: 'holderId' | 'companyId', ids: readonly string[], asOf: string | null) {
    return this.dated(RoleRow, [side], ids, asOf, toRole);
  }

  familyTiesOf(ids: readonly string[], asOf: string | null): Promise<FamilyTie[]> {
    return this.dated(FamilyTieRow, ['personAId', 'personBId'], ids, asOf, toFamilyTie);
  }

  linksOf(ids: readonly string[], asOf: string | null): Promise<ControlLink[]> {
    return this.dated(ControlLinkRow, ['fromId', 'toId'], ids, asOf, toControlLink);
  }

  guaranteesOf(ids: readonly string[], asOf: string | null): Promise<Guarantee[]> {
    return this.dated(GuaranteeRow, ['guarantorId', 'borrowerId'], ids, asOf, toGuarantee);
  }

  /** Rows of a dated table whose `ends` columns name any of `ids`, valid on `asOf`: one statement. */
  private async dated<Row extends object, T>(
    entity: EntityName<Row>,
    ends: readonly string[],
    ids: readonly string[],
    asOf: string | null,
    map: (row: Row) => T,
  ): Promise<T[]> {
    const list = [...ids];
    const where = { $and: [{ $or: ends.map((end) => ({ [end]: { $in: list } })) }, validOn(asOf)] };
    const rows = await this.em.find(entity, where as FilterQuery<Row>, {
      ...readOnly,
      orderBy: { id: 'asc' } as never,
    });
    return rows.map((row) => map(row as Row));
  }

  async facilitiesOf(borrowerIds: readonly string[]): Promise<Facility[]> {
    const rows = await this.em.find(
      FacilityRow,
      { borrowerId: { $in: [...borrowerIds] } },
      { ...readOnly, orderBy: { id: 'asc' } },
    );
    return rows.map(toFacility);
  }
}

const readOnly = { disableIdentityMap: true } as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
