/** Messages between the bench (server-handle.ts) and the server process (server-child.ts). */
import type { MemorySnapshot } from './timing';
import type { WriteRun } from './write-latency';
import type { PlannedInsert, PlannedRemoval } from './write-plan';

export type ChildRequest =
  | { type: 'memory' }
  | { type: 'gc' }
  | { type: 'statements' }
  | {
      type: 'writes';
      plan: { inserts: PlannedInsert[]; removals: PlannedRemoval[] };
      limitS: number;
    }
  | { type: 'stop' };

export type ChildReply =
  | {
      type: 'ready';
      url: string;
      /** Milliseconds inside the child: module loading, ORM, load + derive, HTTP listen. */
      phases: Record<string, number>;
      memory: MemorySnapshot;
    }
  | { type: 'memory'; memory: MemorySnapshot }
  | { type: 'statements'; count: number }
  | { type: 'writes'; run: WriteRun }
  | { type: 'stopped' }
  | { type: 'error'; message: string };
