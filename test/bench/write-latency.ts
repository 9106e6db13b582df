/**
 * Runs in the server process: the planned inserts and removals through the real write path
 * (`GraphWriteService`: lock, validate, SQL, audit, in-memory update, re-derive the touched
 * component, persist changed memberships), one at a time, each timed end to end.
 * Bounded by the plan's count and a time limit (half for the inserts, half for the removals).
 */
import { performance } from 'node:perf_hooks';
import type { AppServices } from '../../src/services/app-services';
import { GraphWriteService } from '../../src/services/graph-write/graph-write.service';
import { deadline, round } from './timing';
import type { PlannedInsert, PlannedRemoval } from './write-plan';

export interface WriteSample {
  ms: number;
  inLargest: boolean;
  ok: boolean;
  /** Entities re-derived: the any-date component around the touched entities, after the write. */
  scope: number;
  /** Members of the touched entities' group after the write (largest of them). */
  groupSize: number;
  error?: string;
}

export interface WriteRun {
  inserts: WriteSample[];
  removals: WriteSample[];
  /** True when the time limit stopped the run before the plan's end. */
  timedOut: boolean;
}

export async function runWrites(
  app: AppServices,
  plan: { inserts: PlannedInsert[]; removals: PlannedRemoval[] },
  limitS: number,
): Promise<WriteRun> {
  // Half the time for each kind, so a slow insert phase still leaves removals measured.
  let until = deadline(limitS / 2);
  let timedOut = false;
  const inserts: WriteSample[] = [];
  const removals: WriteSample[] = [];
  for (const p of plan.inserts) {
    if ((timedOut = until.expired())) break;
    inserts.push(
      await sample(app, p.inLargest, [p.record.holderId, p.record.companyId], (w) =>
        w.putEdge('SHAREHOLDING', p.record, null),
      ),
    );
  }
  until = deadline(limitS / 2);
  for (const p of plan.removals) {
    if (until.expired()) return { inserts, removals, timedOut: true };
    const edge = app.groups.store.edge('shareholdings', p.id);
    const ends = edge ? [edge.holderId, edge.companyId] : [];
    removals.push(
      await sample(app, p.inLargest, ends, (w) => w.endEdge('SHAREHOLDING', p.id, p.validTo, null)),
    );
  }
  return { inserts, removals, timedOut };
}

async function sample(
  app: AppServices,
  inLargest: boolean,
  ends: string[],
  write: (service: GraphWriteService) => Promise<unknown>,
): Promise<WriteSample> {
  // A fresh EntityManager per write, as a GraphQL request gets (context.ts).
  const service = new GraphWriteService(app, app.orm.em.fork(), 'bench');
  const start = performance.now();
  let error: string | undefined;
  try {
    await write(service);
  } catch (err) {
    error = err instanceof Error ? err.message.slice(0, 300) : String(err);
  }
  const ms = round(performance.now() - start);
  // Measured after the timing: what the write had to re-derive, and where it landed.
  const scope = ends.length ? app.groups.store.componentOf(ends).size : 0;
  let groupSize = 0;
  for (const id of ends) {
    const g = app.groups.currentGroupId(id);
    const size = g ? (app.groups.currentGroup(g)?.memberIds.length ?? 0) : 0;
    groupSize = Math.max(groupSize, size);
  }
  return { ms, inLargest, ok: error === undefined, scope, groupSize, ...(error ? { error } : {}) };
}
