/** Messages between the bench (load-step.ts) and the load generator process (load-child.ts). */
export interface LoadRequest {
  url: string;
  /** JSON request bodies, cycled through by every connection. */
  bodies: string[];
  connections: number;
  warmupS: number;
  durationS: number;
  /** Extra request headers (e.g. `cache-control: no-cache`, to have every answer computed). */
  headers?: Record<string, string>;
}

export type LoadReply =
  | {
      type: 'result';
      connections: number;
      durationS: number;
      requests: number;
      rps: number;
      latencyP50: number;
      latencyP99: number;
      latencyMax: number;
      latencyMean: number;
      errors: number;
      timeouts: number;
      non2xx: number;
    }
  | { type: 'error'; message: string };

export type LoadResult = Extract<LoadReply, { type: 'result' }>;
