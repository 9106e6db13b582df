import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { deriveGroups } from '../../domain/control/derive-groups';
import type { Derivation } from '../../domain/control/types';
import type { GroupShape } from '../../domain/groups';
import type { ControlPolicy } from '../../domain/policy/control-policy';
import { headsPrimaryFirst } from '../group-diff';
import type { GraphColumns, GraphStore } from '../graph-store';

/** Every group of the bank on a date, heads with the primary head first. */
export type FullDerivation = (
  date: string,
  policy: ControlPolicy,
  store: GraphStore,
) => Promise<GroupShape[]>;

export function shapesOf(derivation: Derivation): GroupShape[] {
  return derivation.groups.map((g, i) => ({
    memberIds: g.memberIds,
    headIds: headsPrimaryFirst(derivation, i),
  }));
}

/** On the calling thread, from the in-memory graph (tests, tools, small banks). */
export const deriveInThread: FullDerivation = async (date, policy, store) =>
  shapesOf(deriveGroups(store.all(), date, policy));

export const WORKER_FILE = join(__dirname, 'derive.worker.js');

/** Whether the compiled worker is there (it is not when running the TypeScript sources). */
export function workerAvailable(file = WORKER_FILE): boolean {
  return existsSync(file);
}

/**
 * Off the event loop: a worker thread gets the store's columns (typed arrays handed over, not
 * copied twice; no second read of PostgreSQL), builds the records there, derives, and sends
 * back only the groups as entity numbers. Requests keep being answered from the last
 * consistent state meanwhile; callers hold the write lock, so the store does not change.
 */
export function deriveInWorker(file = WORKER_FILE): FullDerivation {
  return (date, policy, store) =>
    new Promise<GroupShape[]>((resolve, reject) => {
      const columns = store.columns();
      const worker = new Worker(file, {
        workerData: { columns, date, policy } satisfies DerivationInput,
        transferList: buffersOf(columns),
      });
      let settled = false;
      worker.once('message', (packed: PackedGroups) => {
        settled = true;
        resolve(unpackGroups(packed, (i) => store.idAt(i)));
      });
      worker.once('error', (err) => {
        settled = true;
        reject(err);
      });
      worker.once('exit', (code) => {
        if (!settled) reject(new Error(`derivation worker exited with code ${code}`));
      });
    });
}

export interface DerivationInput {
  columns: GraphColumns;
  date: string;
  policy: ControlPolicy;
}

/** The array buffers of the columns: moved to the worker, they were copies to begin with. */
function buffersOf(columns: GraphColumns): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const table of Object.values(columns.tables)) {
    buffers.push(table.dead.buffer as ArrayBuffer);
    for (const ints of table.ints) if (ints) buffers.push(ints.buffer as ArrayBuffer);
    for (const pool of table.pools)
      if (pool)
        buffers.push(
          pool.bytes.buffer as ArrayBuffer,
          pool.starts.buffer as ArrayBuffer,
          pool.ends.buffer as ArrayBuffer,
        );
  }
  return buffers;
}

/** Every group's members then its heads, as entity numbers. */
export interface PackedGroups {
  entities: Int32Array;
  memberCounts: Int32Array;
  headCounts: Int32Array;
}

export function packGroups(groups: GroupShape[], numberOf: (id: string) => number): PackedGroups {
  let total = 0;
  for (const g of groups) total += g.memberIds.length + g.headIds.length;
  const entities = new Int32Array(total);
  const memberCounts = new Int32Array(groups.length);
  const headCounts = new Int32Array(groups.length);
  let at = 0;
  groups.forEach((g, i) => {
    memberCounts[i] = g.memberIds.length;
    headCounts[i] = g.headIds.length;
    for (const id of g.memberIds) entities[at++] = numberOf(id);
    for (const id of g.headIds) entities[at++] = numberOf(id);
  });
  return { entities, memberCounts, headCounts };
}

/** The groups back with the ids the store holds (no copy of a million id strings). */
export function unpackGroups(packed: PackedGroups, idAt: (i: number) => string): GroupShape[] {
  const groups: GroupShape[] = [];
  const { entities } = packed;
  let at = 0;
  for (let i = 0; i < packed.memberCounts.length; i++) {
    const memberIds = new Array<string>(packed.memberCounts[i]);
    for (let k = 0; k < memberIds.length; k++) memberIds[k] = idAt(entities[at++]);
    const headIds = new Array<string>(packed.headCounts[i]);
    for (let k = 0; k < headIds.length; k++) headIds[k] = idAt(entities[at++]);
    groups.push({ memberIds, headIds });
  }
  return groups;
}
