import DataLoader from 'dataloader';
import type {
  ControlLink,
  Facility,
  FamilyTie,
  Guarantee,
  Party,
  Role,
  Shareholding,
} from '../domain/model';
import type { GenerationCache } from '../services/generation-cache';
import type { GraphReadService } from '../services/graph-read.service';
import { cachedParties, partiesLoader, type PartiesLoader } from './party-loader';

export { partiesOf } from './party-loader';

/** A relation of one entity on one date (null: every row, past and present). */
export interface DatedKey {
  id: string;
  asOf: string | null;
}

type DatedLoader<T> = DataLoader<DatedKey, T[], string>;

/**
 * Builds a loader for a dated relation: keys are grouped by date, each date costs one
 * statement for all ids, and each row is handed to every id it touches (`ownersOf`).
 */
function datedLoader<T>(
  fetch: (ids: string[], asOf: string | null) => Promise<T[]>,
  ownersOf: (row: T) => string[],
): DatedLoader<T> {
  return new DataLoader<DatedKey, T[], string>(
    async (keys) => {
      const byDate = new Map<string | null, Set<string>>();
      for (const k of keys) {
        const ids = byDate.get(k.asOf) ?? new Set<string>();
        ids.add(k.id);
        byDate.set(k.asOf, ids);
      }
      const result = new Map<string, T[]>();
      for (const [asOf, ids] of byDate) {
        for (const row of await fetch([...ids], asOf)) {
          for (const owner of new Set(ownersOf(row))) {
            const key = cacheKey({ id: owner, asOf });
            const list = result.get(key) ?? [];
            list.push(row);
            result.set(key, list);
          }
        }
      }
      return keys.map((k) => result.get(cacheKey(k)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );
}

function cacheKey(k: DatedKey): string {
  return `${k.asOf ?? '*'}|${k.id}`;
}

/**
 * The DataLoaders of one request, each made on first use (a request that reads no relation
 * makes none). `reads` is asked for only when a loader has to go to PostgreSQL.
 */
export class Loaders {
  private entityLoader?: PartiesLoader;
  private shareholderLoader?: DatedLoader<Shareholding>;
  private holdingLoader?: DatedLoader<Shareholding>;
  private officerLoader?: DatedLoader<Role>;
  private positionLoader?: DatedLoader<Role>;
  private familyTieLoader?: DatedLoader<FamilyTie>;
  private linkLoader?: DatedLoader<ControlLink>;
  private guaranteeLoader?: DatedLoader<Guarantee>;
  private facilityLoader?: DatedLoader<Facility>;

  constructor(
    private readonly reads: () => GraphReadService,
    private readonly parties?: GenerationCache,
  ) {}

  get entity(): PartiesLoader {
    return (this.entityLoader ??= partiesLoader(this.reads, this.parties));
  }

  /** Every party asked for (null for an unknown id) when the cache holds them all, else null. */
  cachedParties(ids: readonly string[]): (Party | null)[] | null {
    return cachedParties(this.parties, ids);
  }

  get shareholders(): DatedLoader<Shareholding> {
    return (this.shareholderLoader ??= datedLoader(
      (ids, asOf) => this.reads().shareholdingsOf('companyId', ids, asOf),
      (s) => [s.companyId],
    ));
  }

  get holdings(): DatedLoader<Shareholding> {
    return (this.holdingLoader ??= datedLoader(
      (ids, asOf) => this.reads().shareholdingsOf('holderId', ids, asOf),
      (s) => [s.holderId],
    ));
  }

  get officers(): DatedLoader<Role> {
    return (this.officerLoader ??= datedLoader(
      (ids, asOf) => this.reads().rolesOf('companyId', ids, asOf),
      (r) => [r.companyId],
    ));
  }

  get positions(): DatedLoader<Role> {
    return (this.positionLoader ??= datedLoader(
      (ids, asOf) => this.reads().rolesOf('holderId', ids, asOf),
      (r) => [r.holderId],
    ));
  }

  get familyTies(): DatedLoader<FamilyTie> {
    return (this.familyTieLoader ??= datedLoader(
      (ids, asOf) => this.reads().familyTiesOf(ids, asOf),
      (f) => [f.personAId, f.personBId],
    ));
  }

  get links(): DatedLoader<ControlLink> {
    return (this.linkLoader ??= datedLoader(
      (ids, asOf) => this.reads().linksOf(ids, asOf),
      (l) => [l.fromId, l.toId],
    ));
  }

  get guarantees(): DatedLoader<Guarantee> {
    return (this.guaranteeLoader ??= datedLoader(
      (ids, asOf) => this.reads().guaranteesOf(ids, asOf),
      (g) => [g.guarantorId, g.borrowerId],
    ));
  }

  get facilities(): DatedLoader<Facility> {
    return (this.facilityLoader ??= datedLoader(
      (ids) => this.reads().facilitiesOf(ids),
      (f) => [f.borrowerId],
    ));
  }
}

export function createLoaders(reads: () => GraphReadService, parties?: GenerationCache): Loaders {
  return new Loaders(reads, parties);
}
