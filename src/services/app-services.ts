import type { Logger } from 'pino';
import { today } from '../domain/dates';
import type { Policy } from '../domain/policy';
import type { Orm } from '../persistence/orm';
import { GroupEngine } from './group-engine';
import { WriteLock } from './write-lock';
import { listenForGraphChanges } from './graph-reload';
import type { FullDerivation } from './derivation/full-derivation';
import { PolicyStore } from './policy/policy-store';

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
  today(): string;
  /** Stops background work (the daily re-derivation, the import listener). */
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Fixes "today" (tests, reproductions); default: the UTC calendar date. */
  today?: () => string;
  /** How the whole bank is re-derived (default: on this thread; the server uses a worker). */
  fullDerivation?: FullDerivation;
}

export async function startAppServices(
  orm: Orm,
  log: Logger,
  options: AppOptions = {},
): Promise<AppServices> {
  const clock = options.today ?? (() => today());
  const policies = await PolicyStore.load(orm.em.fork());
  const policy = (): Policy => policies.policyOn(clock());
  const groups = await GroupEngine.start(
    orm.em.fork(),
    (date) => policies.policyOn(date).control,
    clock,
    log,
    options.fullDerivation,
  );
  const writes = new WriteLock();
  // Edges start and end on dates: when the calendar moves on, today's groups are re-derived
  // (under the write lock, so no write interleaves). Checked every minute.
  const timer = setInterval(() => {
    writes
      .run(() => groups.ensureCurrent(orm.em.fork()))
      .catch((err: unknown) => log.error({ err }, 're-derivation for the new day failed'));
  }, 60_000);
  timer.unref();
  const stopListening = await listenForGraphChanges(
    orm,
    orm.config.get('clientUrl')!,
    groups,
    writes,
    log,
  );
  return {
    orm,
    log,
    groups,
    writes,
    policy,
    policies,
    today: clock,
    stop: async () => {
      clearInterval(timer);
      await stopListening();
    },
  };
}
