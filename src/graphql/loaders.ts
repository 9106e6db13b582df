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

/** A relation of one entity on one date (null: every row, past and present). */
export interface DatedKey {
  id: string;
  asOf: string | null;
}

/**
 * Builds a loader for a dated relation: keys are grouped by date, each date costs one
 * statement for all ids, and each row is handed to every id it touches (`ownersOf`).
 */
function datedLoader<T>(
  fetch: (ids: string[], asOf: string | null) => Promise<T[]>,
  ownersOf: (row: T) => string[],
): DataLoader<DatedKey, T[], string> {
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
 * Parties by id, from the process-wide cache when it has them (no statement at all), the
 * others in one statement; without a cache, every id from PostgreSQL.
 */
function partiesLoader(reads: GraphReadService, cache?: GenerationCache) {
  const fetch = async (ids: readonly string[]) => {
    const found = new Map((await reads.partiesByIds(ids)).map((p) => [p.id, p]));
    return ids.map((id) => found.get(id) ?? null);
  };
  if (!cache) return new DataLoader<string, Party | null>(fetch);
  return new DataLoader<string, Party | null>((ids) => {
    const missing: string[] = [];
    let fill!: (found: Promise<(Party | null)[]>) => void;
    const fetched = new Promise<(Party | null)[]>((resolve) => (fill = resolve));
    const parties = ids.map((id) =>
      cache.through(
        `party\u0001${id}`,
        () => {
          const at = missing.push(id) - 1;
          return fetched.then((rows) => rows[at]);
        },
        () => 1,
      ),
    );
    if (missing.length > 0) fill(fetch(missing));
    return Promise.all(parties);
  });
}

export function createLoaders(reads: GraphReadService, parties?: GenerationCache) {
  return {
    entity: partiesLoader(reads, parties),
    shareholders: datedLoader<Shareholding>(
      (ids, asOf) => reads.shareholdingsOf('companyId', ids, asOf),
      (s) => [s.companyId],
    ),
    holdings: datedLoader<Shareholding>(
      (ids, asOf) => reads.shareholdingsOf('holderId', ids, asOf),
      (s) => [s.holderId],
    ),
    officers: datedLoader<Role>(
      (ids, asOf) => reads.rolesOf('companyId', ids, asOf),
      (r) => [r.companyId],
    ),
    positions: datedLoader<Role>(
      (ids, asOf) => reads.rolesOf('holderId', ids, asOf),
      (r) => [r.holderId],
    ),
    familyTies: datedLoader<FamilyTie>(
      (ids, asOf) => reads.familyTiesOf(ids, asOf),
      (f) => [f.personAId, f.personBId],
    ),
    links: datedLoader<ControlLink>(
      (ids, asOf) => reads.linksOf(ids, asOf),
      (l) => [l.fromId, l.toId],
    ),
    guarantees: datedLoader<Guarantee>(
      (ids, asOf) => reads.guaranteesOf(ids, asOf),
      (g) => [g.guarantorId, g.borrowerId],
    ),
    facilities: datedLoader<Facility>(
      (ids) => reads.facilitiesOf(ids),
      (f) => [f.borrowerId],
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
