/**
 * The bench's side of the server process: fork it, time fork → ready (cold start as a user
 * sees it: node boot, module loading, migrations check, graph load, derivation, listen),
 * then ask it for memory, statement counts and write runs, one request at a time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serverStart } from './server-node-flags';
import type { ChildReply, ChildRequest } from './server-protocol';
import { round } from './timing';

type Ready = Extract<ChildReply, { type: 'ready' }>;

export interface ServerHandle {
  pid: number;
  url: string;
  coldStartMs: number;
  ready: Ready;
  request<T extends ChildReply['type']>(
    request: ChildRequest,
    expect: T,
    timeoutS: number,
  ): Promise<Extract<ChildReply, { type: T }>>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  databaseUrl: string;
  today: string;
  readyTimeoutS: number;
  /** Folder for `--cpu-prof` output, or null. */
  profileDir: string | null;
  /** The server's stdout and stderr (its log) go here, appended. */
  logPath: string;
}

export async function startServerProcess(options: ServerOptions): Promise<ServerHandle> {
  const start = serverStart();
  const execArgv = ['--expose-gc', ...start.flags];
  if (options.profileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.profileDir}`);
  const log = openSync(options.logPath, 'a');
  const started = performance.now();
  const child = fork(join(__dirname, 'server-child.js'), [], {
    execArgv,
    env: {
      ...process.env,
      ...start.env,
      BENCH_DATABASE_URL: options.databaseUrl,
      BENCH_TODAY: options.today,
    },
    stdio: ['ignore', log, log, 'ipc'],
  });
  closeSync(log);
  const replies: ChildReply[] = [];
  const waiting: ((r: ChildReply) => void)[] = [];
  child.on('message', (reply: ChildReply) => {
    const next = waiting.shift();
    if (next) next(reply);
    else replies.push(reply);
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`server process exited with code ${code}`))),
  );
  exited.catch(() => undefined);
  const nextReply = (timeoutS: number): Promise<ChildReply> => {
    const queued = replies.shift();
    if (queued) return Promise.resolve(queued);
    return Promise.race([
      new Promise<ChildReply>((resolve) => waiting.push(resolve)),
      exited,
      timeout(timeoutS),
    ]);
  };

  let ready: ChildReply;
  try {
    ready = await nextReply(options.readyTimeoutS);
  } catch (err) {
    kill(child);
    throw err;
  }
  if (ready.type !== 'ready') {
    kill(child);
    throw new Error(`server process: ${ready.type === 'error' ? ready.message : ready.type}`);
  }
  const coldStartMs = round(performance.now() - started);

  return {
    pid: child.pid!,
    url: ready.url,
    coldStartMs,
    ready,
    async request(request, expect, timeoutS) {
      child.send(request);
      const reply = await nextReply(timeoutS);
      if (reply.type === 'error') throw new Error(`server process: ${reply.message}`);
      if (reply.type !== expect) throw new Error(`server process: ${reply.type}, not ${expect}`);
      return reply as never;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies ChildRequest);
      await Promise.race([gone, timeout(60).catch(() => kill(child))]);
    },
  };
}

function kill(child: ChildProcess): void {
  if (child.exitCode === null) child.kill('SIGKILL');
}

function timeout(seconds: number): Promise<never> {
  return new Promise((_, reject) => {
    const t = setTimeout(
      () => reject(new Error(`timed out after ${Math.round(seconds)} s`)),
      seconds * 1000,
    );
    t.unref();
  });
}
