/**
 * The load generator, in a process of its own (forked by load-step.ts): autocannon against
 * the server on the loopback address, a warm-up run then the measured run, bounded by
 * duration. The connections take request bodies (one per sampled entity) in turn from one
 * list, so the server sees many different entities at once, not one cached answer.
 */
import type { LoadReply, LoadRequest } from './load-protocol';

interface AutocannonResult {
  duration: number;
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no type declarations; the fields used are listed above.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

async function run(request: LoadRequest): Promise<LoadReply> {
  const url = new URL(request.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`load-child: only loopback targets, not ${url.hostname}`);
  }
  let cursor = 0;
  const next = () => request.bodies[cursor++ % request.bodies.length];
  const options = (connections: number, duration: number) => ({
    url: request.url,
    connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-actor': 'bench', ...request.headers },
    // One shared cursor over the bodies: concurrent connections ask for different entities,
    // not the same one in lockstep.
    requests: [{ method: 'POST', setupRequest: (req: object) => ({ ...req, body: next() }) }],
    timeout: 10,
  });
  if (request.warmupS > 0) await autocannon(options(request.connections, request.warmupS));
  const r = await autocannon(options(request.connections, request.durationS));
  return {
    type: 'result',
    connections: request.connections,
    durationS: r.duration,
    requests: r.requests.total,
    rps: Math.round((r.requests.total / r.duration) * 10) / 10,
    latencyP50: r.latency.p50,
    latencyP99: r.latency.p99,
    latencyMax: r.latency.max,
    latencyMean: r.latency.average,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

process.once('message', (request: LoadRequest) => {
  run(request).then(
    (reply) => {
      process.send!(reply, () => process.exit(0));
    },
    (err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      process.send!({ type: 'error', message }, () => process.exit(1));
    },
  );
});
