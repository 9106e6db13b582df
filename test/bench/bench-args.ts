/**
 * Command-line options of `npm run bench -- …`. Every loop the bench runs is bounded by a
 * count here and by a time limit, so a slow step ends the step, never the machine's session.
 */
export interface BenchArgs {
  entities: number;
  seed: number;
  /** Random edge inserts, then as many removals (ends), through the real write path. */
  writes: number;
  /**
   * Random stake inserts sent first and reported apart: the server's first writes after a
   * start run its write path unoptimised (interpreted, caches cold) and took up to 80 ms.
   */
  warmUpWrites: number;
  /** FAMILY_TIE inserts between stake-holding persons, then as many ends (0: skip). */
  kinWrites: number;
  /** Share of the writes placed inside the largest group. */
  largestGroupShare: number;
  /** Connection counts of the load runs. */
  connections: number[];
  /** Seconds per load run (after a short warm-up run). */
  durationS: number;
  /** Time limit of each step with a loop (writes, SQL count), seconds. */
  stepLimitS: number;
  /** Size of the bank the recursive-CTE reference runs on (0: skip). */
  cteEntities: number;
  /** Statement timeout of the recursive CTE, seconds. */
  cteTimeoutS: number;
  /** Where the results go. */
  out: string;
  /** Keep the benchmark database afterwards (for `--reuse-db`). */
  keepDb: boolean;
  /** Reuse an imported benchmark database of the same size and seed: skips generation and import. */
  reuseDb: boolean;
  /** Run the server child under `node --cpu-prof`, profiles written to this folder. */
  profileDir: string | null;
}

export const USAGE = `usage: npm run bench -- [--entities N] [--seed S] [--writes N]
  [--warm-up-writes N] [--kin-writes K]
  [--largest-share F] [--connections 10,50] [--duration S] [--step-limit S]
  [--cte-entities N] [--cte-timeout S] [--out FILE]
  [--keep-db] [--reuse-db] [--profile DIR]`;

const CTE_REFERENCE_SIZE = 100_000;

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const known = new Set([
    'entities',
    'seed',
    'writes',
    'warm-up-writes',
    'kin-writes',
    'largest-share',
    'connections',
    'duration',
    'step-limit',
    'cte-entities',
    'cte-timeout',
    'out',
    'profile',
  ]);
  const flags = new Set(['keep-db', 'reuse-db']);
  const values = new Map<string, string>();
  const set = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (!argv[i].startsWith('--')) throw new Error(`bench: unexpected argument "${argv[i]}"`);
    if (flags.has(name)) set.add(name);
    else if (known.has(name) && i + 1 < argv.length) values.set(name, argv[++i]);
    else throw new Error(`bench: unknown or incomplete option "${argv[i]}"`);
  }
  const entities = int(values.get('entities') ?? '20000', 'entities', 100);
  const cteDefault = String(Math.min(entities, CTE_REFERENCE_SIZE));
  const share = Number(values.get('largest-share') ?? '0.1');
  if (!(share >= 0 && share <= 1)) throw new Error('bench: --largest-share must be in [0, 1]');
  return {
    entities,
    seed: int(values.get('seed') ?? '1', 'seed', 0),
    writes: int(values.get('writes') ?? '1000', 'writes', 0),
    warmUpWrites: int(values.get('warm-up-writes') ?? '50', 'warm-up-writes', 0),
    kinWrites: int(values.get('kin-writes') ?? '30', 'kin-writes', 0),
    largestGroupShare: share,
    connections: (values.get('connections') ?? '10,50')
      .split(',')
      .map((c) => int(c, 'connections', 1)),
    durationS: int(values.get('duration') ?? '10', 'duration', 1),
    stepLimitS: int(values.get('step-limit') ?? '300', 'step-limit', 1),
    cteEntities: int(values.get('cte-entities') ?? cteDefault, 'cte-entities', 0),
    cteTimeoutS: int(values.get('cte-timeout') ?? '600', 'cte-timeout', 1),
    out: values.get('out') ?? 'bench-results.json',
    keepDb: set.has('keep-db'),
    reuseDb: set.has('reuse-db'),
    profileDir: values.get('profile') ?? null,
  };
}

function int(text: string, name: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`bench: --${name} must be an integer ≥ ${min}, got "${text}"`);
  }
  return n;
}
