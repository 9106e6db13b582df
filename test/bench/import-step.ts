/**
 * Step 1: a synthetic bank of N entities, made and imported by the project's own commands,
 * each in a process of its own exactly as an operator runs them — `npm run generate` (set-up,
 * reported apart) then `npm run import` (read + validate + one transaction), the latter
 * timed from spawn to exit. The importer's own log gives where its time goes.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_AS_OF } from '../../seeds/synthetic/generate-bank';
import { round } from './timing';

export interface ImportFigures {
  entities: number;
  edges: number;
  generateMs: number;
  /** `npm run import` from spawn to exit. */
  importMs: number;
  /** From the importer's log: read, COPY, validation, upsert and rebuild per table, commit. */
  importPhasesMs: Record<string, number>;
  importPeakRssMb: number;
}

export const BENCH_AS_OF = DEFAULT_AS_OF;

const CLI = join(__dirname, '..', '..', 'src', 'cli');

export async function generateAndImport(
  url: string,
  entities: number,
  seed: number,
): Promise<ImportFigures> {
  const dir = await mkdtemp(join(tmpdir(), `bench-${entities}-`));
  try {
    const args = ['--entities', String(entities), '--seed', String(seed), '--out', dir];
    const generated = await runNode(join(CLI, 'generate.js'), args, {});
    const edges = /edges (\d+)/.exec(generated.stdout)?.[1];
    const imported = await runNode(join(CLI, 'import.js'), [dir, '--actor', 'bench'], {
      DATABASE_URL: url,
      LOG_LEVEL: 'info',
    });
    return {
      entities,
      edges: Number(edges ?? NaN),
      generateMs: generated.ms,
      importMs: imported.ms,
      importPhasesMs: importPhases(imported.stderr),
      importPeakRssMb: imported.peakRssMb,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface NodeRun {
  ms: number;
  stdout: string;
  stderr: string;
  peakRssMb: number;
}

function runNode(script: string, args: string[], env: Record<string, string>): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let peakRssMb = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // The kernel's high-water mark of the child's resident set, read while it lives.
    const poll = setInterval(() => (peakRssMb = Math.max(peakRssMb, vmHwmMb(child.pid))), 250);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearInterval(poll);
      const ms = round(performance.now() - start);
      if (code === 0) resolve({ ms, stdout, stderr, peakRssMb });
      else reject(new Error(`${script} exited ${code}: ${stderr.trim().slice(-600)}`));
    });
  });
}

function vmHwmMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** The importer logs pino JSON lines with `ms`: keep the phases, by message (and table). */
function importPhases(log: string): Record<string, number> {
  const phases: Record<string, number> = {};
  for (const line of log.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; ms?: number; table?: string };
      if (typeof entry.ms !== 'number' || !entry.msg) continue;
      phases[entry.table ? `${entry.msg} ${entry.table}` : entry.msg] = entry.ms;
    } catch {
      // not a log line
    }
  }
  return phases;
}
