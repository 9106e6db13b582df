/**
 * Parties (entities) for the API's answers. The process-wide party cache holds parties only,
 * keyed by id, for as long as the data generation stays put; a request's loader batches the
 * ones it lacks into one statement.
 */
import DataLoader from 'dataloader';
import type { Party } from '../domain/model';
import type { GenerationCache } from '../services/generation-cache';
import type { GraphReadService } from '../services/graph-read.service';
import type { Loaders } from './loaders';

/** Every party asked for (null for an unknown id) when the cache holds them all, else null. */
export function cachedParties(cache: GenerationCache | undefined, ids: readonly string[]) {
  if (!cache) return null;
  const parties: (Party | null)[] = [];
  for (const id of ids) {
    const party = cache.computed<Party | null>(id);
    if (party === undefined) return null;
    parties.push(party);
  }
  return parties;
}

export type PartiesLoader = DataLoader<string, Party | null>;

/**
 * Parties by id, from the process-wide cache when it has them (no statement at all), the
 * others in one statement; without a cache, every id from PostgreSQL.
 */
export function partiesLoader(
  reads: () => GraphReadService,
  cache?: GenerationCache,
): PartiesLoader {
  const fetch = async (ids: readonly string[]) => {
    const found = new Map((await reads().partiesByIds(ids)).map((p) => [p.id, p]));
    return ids.map((id) => found.get(id) ?? null);
  };
  if (!cache) return new DataLoader<string, Party | null>(fetch);
  return new DataLoader<string, Party | null>((ids) => {
    const missing: string[] = [];
    let fill!: (found: Promise<(Party | null)[]>) => void;
    const fetched = new Promise<(Party | null)[]>((resolve) => (fill = resolve));
    const parties = ids.map((id) =>
      cache.through(
        id,
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

/**
 * Parties by id, unknown ids left out: at once, with no promise and no batch, when the
 * process-wide cache holds every one (the everyday case for heads and a page of members),
 * else through the request's loader.
 */
export function partiesOf(loaders: Loaders, ids: readonly string[]): Party[] | Promise<Party[]> {
  const cached = loaders.cachedParties(ids);
  if (cached) return cached.filter((p): p is Party => p !== null);
  return loaders.entity
    .loadMany(ids)
    .then((found) => found.filter((p): p is Party => p !== null && !(p instanceof Error)));
}
