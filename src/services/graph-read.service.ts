import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '../domain/errors';
import { checkedPageSize, decodeCursor, encodeCursor } from './paging';
import type { Party } from '../domain/model';
import { GraphRepository, type PartyFilter } from '../persistence/repositories/graph.repository';

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * Reads of the dated graph for one request. Thin today; the place where role-based
 * visibility (e.g. a relationship manager's own portfolio) will be enforced.
 */
export class GraphReadService {
  private readonly repo: GraphRepository;

  constructor(em: EntityManager) {
    this.repo = new GraphRepository(em);
  }

  partiesByIds(ids: readonly string[]) {
    return this.repo.partiesByIds(ids);
  }

  async party(id: string): Promise<Party> {
    const [found] = await this.repo.partiesByIds([id]);
    if (!found) throw NotFoundError.entity('entity', id);
    return found;
  }

  async listParties(
    filter: PartyFilter,
    first: number,
    after: string | null,
  ): Promise<Page<Party>> {
    checkedPageSize(first);
    const rows = await this.repo.listParties(
      filter,
      after === null ? null : decodeCursor(after),
      first + 1,
    );
    const nodes = rows.slice(0, first);
    return {
      nodes,
      hasNextPage: rows.length > first,
      endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].id) : null,
    };
  }

  shareholdingsOf(side: 'holderId' | 'companyId', ids: string[], asOf: string | null) {
    return this.repo.shareholdingsOf(side, ids, asOf);
  }
  rolesOf(side: 'holderId' | 'companyId', ids: string[], asOf: string | null) {
    return this.repo.rolesOf(side, ids, asOf);
  }
  familyTiesOf(ids: string[], asOf: string | null) {
    return this.repo.familyTiesOf(ids, asOf);
  }
  linksOf(ids: string[], asOf: string | null) {
    return this.repo.linksOf(ids, asOf);
  }
  guaranteesOf(ids: string[], asOf: string | null) {
    return this.repo.guaranteesOf(ids, asOf);
  }
  facilitiesOf(ids: string[]) {
    return this.repo.facilitiesOf(ids);
  }
}
