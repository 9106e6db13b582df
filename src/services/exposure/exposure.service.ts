import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { IsoDate } from '../../domain/model';
import { LimitsRepository } from '../../persistence/repositories/limits.repository';
import type { AppServices } from '../app-services';
import type { GroupView } from '../group-view';
import { BooksOnDate, type GroupRef, type MeasuredGroup } from './books-on-date';
import { clientExposureView, groupExposureView } from './exposure-presenter';
import type { ClientExposureView, GroupExposureView } from './exposure-views';
import { GroupLocator } from '../group-locator';
import { clientExposureKey, groupExposureKey } from './exposure-keys';

interface GroupRequest {
  group: GroupRef;
  asOf: IsoDate;
}

/**
 * Exposure reads for one request. Views computed since the last write come from the
 * process-wide AppServices.exposureCache. Group exposures missing from it and asked in the
 * same tick are batched per date: one read of the books for the union of their members (a
 * statement per table, whatever the groups' sizes), each group then measured on its own
 * facilities.
 */
export class ExposureService {
  readonly locator: GroupLocator;
  private groupLoader?: DataLoader<GroupRequest, MeasuredGroup, string>;
  private books?: LimitsRepository;

  /** `em` is asked for only when something has to be read from PostgreSQL. */
  constructor(
    readonly app: AppServices,
    private readonly em: () => EntityManager,
  ) {
    this.locator = new GroupLocator(app);
  }

  /** Made on the first cache miss: a request answered from the cache needs no loader. */
  private get groups(): DataLoader<GroupRequest, MeasuredGroup, string> {
    return (this.groupLoader ??= new DataLoader((requests) => this.measureGroups(requests), {
      cacheKeyFn: (r) => `${r.asOf}|${r.group.memberIds.join('\u0000')}`,
    }));
  }

  get repo(): LimitsRepository {
    return (this.books ??= new LimitsRepository(this.em()));
  }

  dateOrToday(asOf: IsoDate | null | undefined): IsoDate {
    return asOf ?? this.app.today();
  }

  nameOf = (id: string): string => this.app.groups.store.entity(id)?.name ?? id;

  /** The measurement basis on `asOf`: the books given, under the policy in force then. */
  measure(books: BooksOnDate['books'], asOf: IsoDate): BooksOnDate {
    return new BooksOnDate(books, asOf, this.app.policies.policyOn(asOf).exposure, this.nameOf);
  }

  refOf(group: GroupView): GroupRef {
    return {
      id: group.id,
      name: this.nameOf(group.headIds[0] ?? group.memberIds[0]),
      memberIds: group.memberIds,
      headIds: group.headIds,
    };
  }

  assertKnown(entityId: string): void {
    if (!this.app.groups.store.hasEntity(entityId)) throw NotFoundError.entity('entity', entityId);
  }

  /** The group of `entityId` on `asOf` (today by default). */
  groupOf(entityId: string, asOf?: IsoDate | null): GroupView {
    this.assertKnown(entityId);
    return this.locator.groupOf(entityId, this.dateOrToday(asOf));
  }

  measuredGroup(group: GroupRef, asOf: IsoDate): Promise<MeasuredGroup> {
    return this.groups.load({ group, asOf });
  }

  /**
   * `group`'s members measured on `asOf` (the group's own date by default): the cached view
   * itself when it is computed already (no promise to wait for), else a promise of it.
   */
  groupExposure(
    group: GroupView,
    asOf?: IsoDate | null,
  ): GroupExposureView | Promise<GroupExposureView> {
    const date = asOf ?? group.asOf;
    const key = groupExposureKey(group, date);
    const cache = this.app.exposureCache;
    return (
      cache.computed<GroupExposureView>(key) ??
      cache.through(
        key,
        async () => {
          const ref = this.refOf(group);
          return groupExposureView(await this.measuredGroup(ref, date), this.nameOf);
        },
        (v) => v.members.length + v.memberChecks.length + v.facilities.length,
      )
    );
  }

  entityExposure(
    entityId: string,
    asOf?: IsoDate | null,
  ): ClientExposureView | Promise<ClientExposureView> {
    this.assertKnown(entityId);
    const date = this.dateOrToday(asOf);
    const key = clientExposureKey(entityId, date);
    const cache = this.app.exposureCache;
    return (
      cache.computed<ClientExposureView>(key) ??
      cache.through(
        key,
        async () => {
          const books = await this.repo.booksOfMembers([entityId], date);
          return clientExposureView(this.measure(books, date).client(entityId));
        },
        (v) => v.checks.length + v.facilities.length,
      )
    );
  }

  private async measureGroups(
    requests: readonly GroupRequest[],
  ): Promise<(MeasuredGroup | Error)[]> {
    const results = new Map<GroupRequest, MeasuredGroup | Error>();
    for (const asOf of new Set(requests.map((r) => r.asOf))) {
      const onDate = requests.filter((r) => r.asOf === asOf);
      const members = new Set(onDate.flatMap((r) => r.group.memberIds));
      try {
        const measured = this.measure(await this.repo.booksOfMembers([...members], asOf), asOf);
        for (const r of onDate)
          results.set(
            r,
            attempt(() => measured.group(r.group)),
          );
      } catch (error) {
        for (const r of onDate) results.set(r, asError(error));
      }
    }
    return requests.map((r) => results.get(r)!);
  }
}

export const MAX_LIST_SIZE = 500;

export function assertListSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_LIST_SIZE) {
    throw ValidationError.of([`"first" must be between 1 and ${MAX_LIST_SIZE}, got ${first}.`]);
  }
}

function attempt<T>(f: () => T): T | Error {
  try {
    return f();
  } catch (error) {
    return asError(error);
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
