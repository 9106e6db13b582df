import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { coreOf } from '../../domain/control/derivation-core';
import { deriveGroupsOfColumns } from '../../domain/control/derive-groups';
import { packedGroupsOf, type PackedGroups } from '../../domain/control/packed-groups';
import type { Derivation } from '../../domain/control/types';
import type { GroupShape } from '../../domain/groups';
import type { ControlPolicy } from '../../domain/policy/control-policy';
import { headsPrimaryFirst } from '../group-diff';
import type { GraphColumns, GraphStore } from '../graph-store';
import { BankFacts, packedStoredFacts, type PackedFacts } from '../incremental/group-facts';
import { controlColumnsOf } from './control-columns-of';

/** Every group of the bank on a date, heads with the primary head first. */
export type FullDerivation = (
  date: string,
  policy: ControlPolicy,
  store: GraphStore,
) => Promise<DerivedBank>;

/**
 * A whole-bank derivation as the engine applies it: groups in the store's entity numbers
 * (a group object is built only for the groups that changed), and the facts behind them.
 */
export interface DerivedBank {
  groups: PackedGroups;
  /** For writes that re-derive part of a group and keep the rest. */
  facts: BankFacts | undefined;
}

export function shapesOf(derivation: Derivation): GroupShape[] {
  return derivation.groups.map((g, i) => ({
    memberIds: g.memberIds,
    headIds: headsPrimaryFirst(derivation, i),
  }));
}

/**
 * A derivation's facts in store entity numbers, packed: a derivation from the store's columns
 * has them already; for one from records, `numberOf` gives each entity id's number.
 */
export function packedFactsOf(
  derivation: Derivation,
  policy: ControlPolicy,
  numberOf?: (id: string) => number,
): PackedFacts {
  const core = coreOf(derivation)!;
  let numbers = core.numberOf;
  if (numbers === undefined) {
    if (numberOf === undefined) throw new Error('packedFactsOf: entity numbers needed');
    const { index, n } = core.g;
    numbers = new Int32Array(n);
    for (let k = 0; k < n; k++) numbers[k] = numberOf(index.idOf(k));
  }
  return packedStoredFacts(derivation, numbers, policy);
}

/** The whole bank from the store's columns: its groups as entity numbers, and its facts. */
export function deriveBank(columns: GraphColumns, date: string, policy: ControlPolicy): PackedBank {
  const derivation = deriveGroupsOfColumns(controlColumnsOf(columns), date, policy);
  // The facts too: the engine's writes re-derive part of a group and keep the rest.
  return { ...packedGroupsOf(derivation), facts: packedFactsOf(derivation, policy) };
}

/** On the calling thread, from the in-memory graph's columns (tests, tools, small banks). */
export const deriveInThread: FullDerivation = async (date, policy, store) =>
  derivedBank(deriveBank(store.columns(), date, policy), store);

function derivedBank(bank: PackedBank, store: GraphStore): DerivedBank {
  const { entities, memberCounts, headCounts, facts } = bank;
  return {
    groups: { entities, memberCounts, headCounts },
    facts: facts && new BankFacts(facts, store.numberCount),
  };
}

/** The groups with the ids the store holds (tools and tests). */
export function shapesOfBank(bank: DerivedBank, store: GraphStore): GroupShape[] {
  return unpackGroups(bank.groups, (i) => store.idAt(i));
}

export const WORKER_FILE = join(__dirname, 'derive.worker.js');

/** Whether the compiled worker is there (it is not when running the TypeScript sources). */
export function workerAvailable(file = WORKER_FILE): boolean {
  return existsSync(file);
}

/**
 * Off the event loop: a worker thread reads the store's columns in place (shared memory: no
 * copy, no second read of PostgreSQL), derives from them as they are (no record is built),
 * and sends back only the groups and facts as entity numbers. Requests keep being answered
 * from the last consistent state meanwhile; callers hold the write lock, so the store does
 * not change. The first worker is started at once, so it loads its modules while the caller
 * loads the graph; later ones start when asked for.
 */
export function deriveInWorker(file = WORKER_FILE): FullDerivation {
  let spare: IdleWorker | undefined = idleWorker(file);
  return (date, policy, store) => {
    const idle = spare ?? idleWorker(file);
    spare = undefined;
    collectBeforePeak();
    return idle
      .run({ columns: store.columns(), date, policy })
      .then((bank) => derivedBank(bank, store));
  };
}

/**
 * A whole-bank pass is the process's memory peak: the worker's arrays and facts beside all
 * this thread holds. Garbage this thread has not collected by then (the graph load's buffers
 * at start-up; after writes, whatever the heap has let grow, up to twice what is live) would
 * sit beside that peak, so it is collected first when the process runs with `--expose-gc`
 * (as `npm start` does; elsewhere this does nothing). The collection holds this thread for
 * a moment; the pass takes seconds.
 */
function collectBeforePeak(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export interface DerivationInput {
  columns: GraphColumns;
  date: string;
  policy: ControlPolicy;
}

interface IdleWorker {
  run(input: DerivationInput): Promise<PackedBank>;
}

/**
 * A worker waiting for its input: it does not keep the process alive while it waits, and a
 * failure before it is used (its modules failing to load) is reported when it is.
 */
function idleWorker(file: string): IdleWorker {
  const worker = new Worker(file);
  worker.unref();
  let outcome: { bank: PackedBank } | { error: unknown } | undefined;
  let settle: (() => void) | undefined;
  const done = (result: typeof outcome) => {
    outcome ??= result;
    settle?.();
  };
  // The result is handed over once the worker has exited: its heap and arrays (about 500 MB
  // at a million entities) are gone before this thread applies the result, so the two never
  // peak together.
  let sent: PackedBank | undefined;
  worker.once('message', (bank: PackedBank) => (sent = bank));
  worker.once('error', (error) => done({ error }));
  worker.once('exit', (code) =>
    done(
      sent ? { bank: sent } : { error: new Error(`derivation worker exited with code ${code}`) },
    ),
  );
  return {
    run: (input) =>
      new Promise<PackedBank>((resolve, reject) => {
        settle = () => {
          if (outcome && 'bank' in outcome) resolve(outcome.bank);
          else reject(outcome?.error);
        };
        if (outcome) return settle();
        worker.ref();
        worker.postMessage(input);
      }),
  };
}

/** Every group's members then its heads, as entity numbers, and the facts they rest on. */
export interface PackedBank extends PackedGroups {
  facts?: PackedFacts;
}

/**
 * The groups back with the ids the store holds (no copy of a million id strings). A group of
 * one heading itself, most of a bank's groups, has one list for members and heads.
 */
export function unpackGroups(packed: PackedGroups, idAt: (i: number) => string): GroupShape[] {
  const { entities, memberCounts, headCounts } = packed;
  const groups = new Array<GroupShape>(memberCounts.length);
  let at = 0;
  for (let i = 0; i < memberCounts.length; i++) {
    if (memberCounts[i] === 1 && headCounts[i] === 1 && entities[at] === entities[at + 1]) {
      const alone = [idAt(entities[at])];
      groups[i] = { memberIds: alone, headIds: alone };
      at += 2;
      continue;
    }
    const memberIds = new Array<string>(memberCounts[i]);
    for (let k = 0; k < memberIds.length; k++) memberIds[k] = idAt(entities[at++]);
    const headIds = new Array<string>(headCounts[i]);
    for (let k = 0; k < headIds.length; k++) headIds[k] = idAt(entities[at++]);
    groups[i] = { memberIds, headIds };
  }
  return groups;
}
