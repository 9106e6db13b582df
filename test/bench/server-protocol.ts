/** Messages between the bench (server-handle.ts) and the server process (server-child.ts). */
import type { MemorySnapshot } from './timing';
import type { WriteOp, WriteSample } from './write-latency';

export type ChildRequest =
  | { type: 'memory' }
  | { type: 'gc' }
  | { type: 'statements' }
  | { type: 'write'; op: WriteOp }
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
  | { type: 'written'; sample: WriteSample }
  | { type: 'stopped' }
  | { type: 'error'; message: string };
