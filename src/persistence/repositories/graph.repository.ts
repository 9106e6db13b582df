import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  ControlLink,
  Facility,
  FamilyTie,
  Guarantee,
  Party,
  Role,
  Shareholding,
} from '../../domain/model';
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

  async shareholdingsOf(
    side: 'holderId' | 'companyId',
    ids: readonly string[],
    asOf: string | null,
  ): Promise<Shareholding[]> {
    const rows = await this.em.find(
      ShareholdingRow,
      { $and: [{ [side]: { $in: [...ids] } }, validOn(asOf)] },
      { ...readOnly, orderBy: { id: 'asc' } },
    );
    return rows.map(toShareholding);
  }

  async rolesOf(
    side: 'holderId' | 'companyId',
    ids: readonly string[],
    asOf: string | null,
  ): Promise<Role[]> {
    const rows = await this.em.find(
      RoleRow,
      { $and: [{ [side]: { $in: [...ids] } }, validOn(asOf)] },
      { ...readOnly, orderBy: { id: 'asc' } },
    );
    return rows.map(toRole);
  }

  async familyTiesOf(ids: readonly string[], asOf: string | null): Promise<FamilyTie[]> {
    const list = [...ids];
    const rows = await this.em.find(
      FamilyTieRow,
      {
        $and: [
          { $or: [{ personAId: { $in: list } }, { personBId: { $in: list } }] },
          validOn(asOf),
        ],
      },
      { ...readOnly, orderBy: { id: 'asc' } },
    );
    return rows.map(toFamilyTie);
  }

  async linksOf(ids: readonly string[], asOf: string | null): Promise<ControlLink[]> {
    const list = [...ids];
    const rows = await this.em.find(
      ControlLinkRow,
      {
        $and: [{ $or: [{ fromId: { $in: list } }, { toId: { $in: list } }] }, validOn(asOf)],
      },
      { ...readOnly, orderBy: { id: 'asc' } },
    );
    return rows.map(toControlLink);
  }

  async guaranteesOf(ids: readonly string[], asOf: string | null): Promise<Guarantee[]> {
    const list = [...ids];
    const rows = await this.em.find(
      GuaranteeRow,
      {
        $and: [
          { $or: [{ guarantorId: { $in: list } }, { borrowerId: { $in: list } }] },
          validOn(asOf),
        ],
      },
      { ...readOnly, orderBy: { id: 'asc' } },
    );
    return rows.map(toGuarantee);
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
