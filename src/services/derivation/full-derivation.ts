import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { deriveGroups } from '../../domain/control/derive-groups';
import type { Derivation } from '../../domain/control/types';
import type { GroupShape } from '../../domain/groups';
import type { ControlPolicy } from '../../domain/policy/control-policy';
import { headsPrimaryFirst } from '../group-diff';
import type { GraphStore } from '../graph-store';

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
 * Off the event loop: a worker thread reads the graph from PostgreSQL itself (so nothing is
 * copied across threads on the way in), derives, and sends back only the groups, packed as
 * one string and two integer arrays. Requests keep being answered from the last consistent
 * state meanwhile; callers hold the write lock, so the database is the in-memory graph.
 */
export function deriveInWorker(databaseUrl: string, file = WORKER_FILE): FullDerivation {
  return (date, policy) =>
    new Promise<GroupShape[]>((resolve, reject) => {
      const worker = new Worker(file, { workerData: { databaseUrl, date, policy } });
      let settled = false;
      worker.once('message', (packed: PackedGroups) => {
        settled = true;
        resolve(unpackGroups(packed));
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

export interface PackedGroups {
  /** Every group's members then its heads, ids separated by "\n". */
  ids: string;
  memberCounts: Int32Array;
  headCounts: Int32Array;
}

export function packGroups(groups: GroupShape[]): PackedGroups {
  const ids: string[] = [];
  const memberCounts = new Int32Array(groups.length);
  const headCounts = new Int32Array(groups.length);
  groups.forEach((g, i) => {
    memberCounts[i] = g.memberIds.length;
    headCounts[i] = g.headIds.length;
    for (const id of g.memberIds) ids.push(id);
    for (const id of g.headIds) ids.push(id);
  });
  return { ids: ids.join('\n'), memberCounts, headCounts };
}

export function unpackGroups(packed: PackedGroups): GroupShape[] {
  const ids = packed.ids === '' ? [] : packed.ids.split('\n');
  const groups: GroupShape[] = [];
  let at = 0;
  for (let i = 0; i < packed.memberCounts.length; i++) {
    const memberIds = ids.slice(at, (at += packed.memberCounts[i]));
    const headIds = ids.slice(at, (at += packed.headCounts[i]));
    groups.push({ memberIds, headIds });
  }
  return groups;
}
