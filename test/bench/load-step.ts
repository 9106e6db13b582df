/**
 * GraphQL figures against the running server: the statements each group-exposure request
 * sends to PostgreSQL, then throughput and latency of that request and of the trivial
 * `{ __typename }` (the server's own ceiling: HTTP + Apollo, no resolvers) at each
 * connection count, each measured by a load generator in its own process, each run started
 * on an idle server (requests a run left in flight are not billed to the next).
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { LoadReply, LoadRequest, LoadResult } from './load-protocol';
import type { ServerHandle } from './server-handle';
import { performance } from 'node:perf_hooks';
import { deadline, since } from './timing';

export const TRIVIAL_QUERY = '{ __typename }';
export const GROUP_EXPOSURE_QUERY = `query GroupExposure($id: ID!) {
  groupOf(entityId: $id) {
    id
    heads { id name }
    members(first: 10) { edges { node { id name } } }
    exposure { netExposure checks { rule status value limit } }
  }
}`;

export function groupExposureBody(entityId: string): string {
  return JSON.stringify({ query: GROUP_EXPOSURE_QUERY, variables: { id: entityId } });
}

export const TRIVIAL_BODY = JSON.stringify({ query: TRIVIAL_QUERY });

export interface StatementCount {
  entityId: string;
  groupSize: number;
  groupId: string;
  /**
   * Statements of the first ask; of the same ask repeated with `Cache-Control: no-cache`
   * (executed again, its parts answered from the server's exposure and party caches).
   */
  statements: number;
  repeated: number;
  /** The request's latency, alone on an idle server. */
  ms: number;
}

/**
 * One request at a time on the idle server, the driver's statement counter read around each,
 * and its latency; also proves the query answers without GraphQL errors before any load.
 * Each sample is asked twice: the repeat, executed again, shows what a warm answer costs.
 */
export async function statementsPerRequest(
  server: ServerHandle,
  samples: { entityId: string; groupSize: number }[],
  limitS: number,
): Promise<StatementCount[]> {
  const until = deadline(limitS);
  const counts: StatementCount[] = [];
  for (const s of samples) {
    if (until.expired()) break;
    const count = async () =>
      (await server.request({ type: 'statements' }, 'statements', 30)).count;
    const before = await count();
    const start = performance.now();
    const data = (await postGraphql(server.url, groupExposureBody(s.entityId), limitS)) as {
      groupOf: { id: string };
    };
    const ms = since(start);
    const after = await count();
    await postGraphql(server.url, groupExposureBody(s.entityId), limitS, NO_CACHE);
    const repeated = (await count()) - after;
    counts.push({ ...s, groupId: data.groupOf.id, statements: after - before, repeated, ms });
  }
  return counts;
}

export async function postGraphql(
  url: string,
  body: string,
  timeoutS = 60,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-actor': 'bench', ...headers },
    body,
    signal: AbortSignal.timeout(timeoutS * 1000),
  });
  const json = (await response.json()) as { errors?: { message: string }[]; data?: unknown };
  if (!response.ok || json.errors?.length) {
    throw new Error(`GraphQL ${response.status}: ${JSON.stringify(json.errors ?? json)}`);
  }
  return json.data;
}

/** Runs autocannon in a child process; resolves with its figures. */
export function runLoad(request: LoadRequest): Promise<LoadResult> {
  const child = fork(join(__dirname, 'load-child.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const limitMs = (request.warmupS + request.durationS + 60) * 1000;
  return new Promise<LoadResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`load generator did not finish within ${limitMs / 1000} s`));
    }, limitMs);
    child.once('message', (reply: LoadReply) => {
      clearTimeout(timer);
      if (reply.type === 'result') resolve(reply);
      else reject(new Error(`load generator: ${reply.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`load generator exited with code ${code}`));
    });
    child.send(request);
  });
}

export interface LoadFigures {
  connections: number;
  trivial: LoadResult;
  /** Random borrowers: every group size in the bank's proportions. */
  groupExposure: LoadResult;
  /** groupExposure rps ÷ trivial rps. */
  ratio: number;
  /** The same borrowers with `Cache-Control: no-cache`: every answer executed, none kept whole. */
  executed: LoadResult;
  executedRatio: number;
  /** Random borrowers in groups of at most SMALL_GROUP members: the everyday request. */
  smallGroups: LoadResult | null;
  smallRatio: number | null;
}

export const SMALL_GROUP = 100;

/** Asks the server to compute the answer, not to hand out a whole answer it kept. */
const NO_CACHE = { 'cache-control': 'no-cache' };

export async function loadRuns(
  settle: () => Promise<void>,
  url: string,
  bodies: { all: string[]; small: string[] },
  connections: readonly number[],
  durationS: number,
): Promise<LoadFigures[]> {
  const figures: LoadFigures[] = [];
  const warmupS = Math.min(3, durationS);
  const ratioOf = (a: LoadResult, b: LoadResult) =>
    b.rps > 0 ? Math.round((a.rps / b.rps) * 1000) / 1000 : 0;
  for (const c of connections) {
    const base = { url, connections: c, warmupS, durationS };
    await settle();
    const trivial = await runLoad({ ...base, bodies: [TRIVIAL_BODY] });
    await settle();
    const groupExposure = await runLoad({ ...base, bodies: bodies.all });
    await settle();
    const executed = await runLoad({ ...base, bodies: bodies.all, headers: NO_CACHE });
    let smallGroups: LoadResult | null = null;
    if (bodies.small.length) {
      await settle();
      smallGroups = await runLoad({ ...base, bodies: bodies.small });
    }
    figures.push({
      connections: c,
      trivial,
      groupExposure,
      ratio: ratioOf(groupExposure, trivial),
      executed,
      executedRatio: ratioOf(executed, trivial),
      smallGroups,
      smallRatio: smallGroups && ratioOf(smallGroups, trivial),
    });
  }
  return figures;
}
