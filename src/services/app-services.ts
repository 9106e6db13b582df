import type { Logger } from 'pino';
import { today } from '../domain/dates';
import type { Policy } from '../domain/policy';
import type { Orm } from '../persistence/orm';
import { GroupEngine } from './group-engine';
import { WriteLock } from './write-lock';
import { listenForGraphChanges } from './graph-reload';
import type { FullDerivation } from './derivation/full-derivation';
import type { WriteLimits } from './incremental/write-rederivation';
import { PolicyStore } from './policy/policy-store';
import { DataGeneration } from './data-generation';
import { GenerationCache } from './generation-cache';
import { claimDatabase } from './database-claim';

/**
 * Process-wide services, created once at start-up after migrations: the in-memory graph
 * and group engine, and the policy in force. Request-scoped services are built per request
 * from these and the request's EntityManager.
 */
export interface AppServices {
  orm: Orm;
  log: Logger;
  groups: GroupEngine;
  /** Serialises writes to the graph (see WriteLock). */
  writes: WriteLock;
  /** The policy in force today. */
  policy(): Policy;
  /** Every stored policy version; `policies.policyOn(date)` is the policy in force then. */
  policies: PolicyStore;
  /** Moves on after every write that can change an answer; caches check it. */
  dataGeneration: DataGeneration;
  /** Exposure views computed since the last such write, shared by all requests. */
  exposureCache: GenerationCache;
  /** Parties read since the last such write (names of heads and members), by id. */
  partyCache: GenerationCache;
  today(): string;
  /** Stops background work (the daily re-derivation, the import listener). */
  stop(): Promise<void>;
}

/** Parties kept in memory for the API's answers (about 300 bytes each). */
const PARTY_CACHE_SIZE = 200_000;

export interface AppOptions {
  /** Fixes "today" (tests, reproductions); default: the UTC calendar date. */
  today?: () => string;
  /** How the whole bank is re-derived (default: on this thread; the server uses a worker). */
  fullDerivation?: FullDerivation;
  /** How far a write's re-derivation may grow (default: WRITE_LIMITS; tests force paths). */
  writeLimits?: WriteLimits;
  /** True once the process is shutting down: losing the database then is no failure. */
  stopping?: () => boolean;
}

export async function startAppServices(
  orm: Orm,
  log: Logger,
  options: AppOptions = {},
): Promise<AppServices> {
  const clock = options.today ?? (() => today());
  const url = orm.config.get('clientUrl')!;
  const release = await claimDatabase(url, log, options.stopping);
  try {
    return await startClaimed(orm, log, url, clock, options, release);
  } catch (err) {
    await release();
    throw err;
  }
}

async function startClaimed(
  orm: Orm,
  log: Logger,
  url: string,
  clock: () => string,
  options: AppOptions,
  release: () => Promise<void>,
): Promise<AppServices> {
  const policies = await PolicyStore.load(orm.em.fork());
  const policy = (): Policy => policies.policyOn(clock());
  const groups = await GroupEngine.start(
    orm.em.fork(),
    (date) => policies.policyOn(date).control,
    clock,
    log,
    options.fullDerivation,
    options.writeLimits,
  );
  const writes = new WriteLock();
  const dataGeneration = new DataGeneration();
  // Edges start and end on dates: when the calendar moves on, today's groups are re-derived
  // (under the write lock, so no write interleaves). Checked every minute.
  const timer = setInterval(() => {
    writes
      .run(() =>
        groups.currentDate === clock()
          ? Promise.resolve()
          : dataGeneration.around(() => groups.ensureCurrent(orm.em.fork())),
      )
      .catch((err: unknown) => log.error({ err }, 're-derivation for the new day failed'));
  }, 60_000);
  timer.unref();
  const stopListening = await listenForGraphChanges(
    orm,
    url,
    groups,
    writes,
    dataGeneration,
    log,
    options.stopping,
  );
  return {
    orm,
    log,
    groups,
    writes,
    policy,
    policies,
    dataGeneration,
    exposureCache: new GenerationCache(dataGeneration),
    partyCache: new GenerationCache(dataGeneration, PARTY_CACHE_SIZE),
    today: clock,
    stop: async () => {
      clearInterval(timer);
      await stopListening();
      await release();
    },
  };
}
