/**
 * Runs in the server process: the planned inserts and removals through the real write path
 * (`GraphWriteService`: lock, validate, SQL, audit, in-memory update, re-derive the touched
 * scope, persist changed memberships), one at a time, each timed end to end.
 */
import { appendFileSync } from 'node:fs';
import { PerformanceObserver, performance, type PerformanceEntry } from 'node:perf_hooks';
import type { AppServices } from '../../src/services/app-services';
import { GraphWriteService } from '../../src/services/graph-write/graph-write.service';
import type { FamilyTie } from '../../src/domain/model';
import type { PlannedTieEnd } from './kin-write-plan';
import { round } from './timing';
import type { PlannedInsert, PlannedRemoval } from './write-plan';

export interface WriteSample {
  ms: number;
  inLargest: boolean;
  ok: boolean;
  /** Entities re-derived: the write's scope with its context (or the component it fell back to). */
  scope: number;
  /** How the engine re-derived: downstream of the write, whole groups, or the component. */
  path: string;
  /** Members of the touched entities' group after the write (largest of them). */
  groupSize: number;
  /** Collector pauses that began during the write, in ms: which slow writes were the collector's. */
  gcMs: number;
  error?: string;
}

export interface WriteRun {
  /** Sent first, reported apart (bench-args' warmUpWrites). */
  warmUp: WriteSample[];
  inserts: WriteSample[];
  removals: WriteSample[];
  /** True when the time limit stopped the run before the plan's end. */
  timedOut: boolean;
}

/** The FAMILY_TIE inserts, then the ends of those that were written. */
export interface KinWriteRun {
  inserts: WriteSample[];
  ends: WriteSample[];
  timedOut: boolean;
}

export type WriteOp =
  | { kind: 'insert'; item: PlannedInsert }
  | { kind: 'removal'; item: PlannedRemoval }
  | { kind: 'tie'; item: FamilyTie }
  | { kind: 'tieEnd'; item: PlannedTieEnd };

/** One planned write, timed; the bench sends them one by one and keeps the time budget. */
export function writeOne(app: AppServices, op: WriteOp): Promise<WriteSample> {
  if (op.kind === 'tie') {
    const tie = op.item;
    return sample(app, false, [tie.personAId, tie.personBId], (w) =>
      w.putEdge('FAMILY_TIE', tie, null),
    );
  }
  if (op.kind === 'tieEnd') {
    const { id, validTo } = op.item;
    const tie = app.groups.store.edge('familyTies', id);
    const ends = tie ? [tie.personAId, tie.personBId] : [];
    return sample(app, false, ends, (w) => w.endEdge('FAMILY_TIE', id, validTo, null));
  }
  if (op.kind === 'insert') {
    const { record } = op.item;
    return sample(app, op.item.inLargest, [record.holderId, record.companyId], (w) =>
      w.putEdge('SHAREHOLDING', record, null),
    );
  }
  const { id, validTo, inLargest } = op.item;
  const edge = app.groups.store.edge('shareholdings', id);
  const ends = edge ? [edge.holderId, edge.companyId] : [];
  return sample(app, inLargest, ends, (w) => w.endEdge('SHAREHOLDING', id, validTo, null));
}

/** The server's collector pauses, kept until the write that began before them reads them. */
let pauses: PerformanceEntry[] = [];
let observer: PerformanceObserver | undefined;

function gcDuring(start: number, end: number): number {
  const inside = pauses.filter((p) => p.startTime >= start && p.startTime < end);
  pauses = pauses.filter((p) => p.startTime >= end);
  return round(inside.reduce((sum, p) => sum + p.duration, 0));
}

async function sample(
  app: AppServices,
  inLargest: boolean,
  ends: string[],
  write: (service: GraphWriteService) => Promise<unknown>,
): Promise<WriteSample> {
  // A fresh EntityManager per write, as a GraphQL request gets (context.ts).
  const service = new GraphWriteService(app, app.orm.em.fork(), 'bench');
  if (!observer) {
    observer = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
    observer.observe({ entryTypes: ['gc'] });
  }
  const start = performance.now();
  let error: string | undefined;
  try {
    await write(service);
  } catch (err) {
    error = err instanceof Error ? err.message.slice(0, 300) : String(err);
  }
  const end = performance.now();
  const ms = round(end - start);
  // Entries arrive after the pause, on a later turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  const gcMs = gcDuring(start, end);
  // Read after the timing: what the write had to re-derive, and where it landed.
  const scope = app.groups.lastWriteDerived;
  const path = app.groups.lastWritePath;
  let groupSize = 0;
  for (const id of ends) {
    const g = app.groups.currentGroupId(id);
    const size = g ? (app.groups.currentGroup(g)?.memberIds.length ?? 0) : 0;
    groupSize = Math.max(groupSize, size);
  }
  const result = { ms, inLargest, ok: error === undefined, scope, path, groupSize, gcMs };
  const written = { ...result, ...(error ? { error } : {}) };
  // Every sample, one JSON line each, when asked: where the slow writes went.
  if (process.env.BENCH_WRITE_LOG)
    appendFileSync(process.env.BENCH_WRITE_LOG, `${JSON.stringify(written)}\n`);
  return written;
}
