/**
 * `node dist/test/bench/profile-summary.js FILE.cpuprofile [TOP] [FIRST_MS]`: where the time goes in a
 * `--cpu-prof` profile (e.g. from `npm run bench -- --profile DIR`), without a browser.
 * Prints the functions with the most self time, and the project files with the most
 * inclusive time (a file counted once per stack, however often it recurs in it). Line
 * numbers are those of the compiled files under dist/.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function main(path: string, top: number, firstMs: number): void {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  // Only the first `firstMs` of the profile (e.g. a server's start-up), when asked.
  let elapsed = 0;
  const keep = profile.timeDeltas.findIndex((d) => (elapsed += d) > firstMs * 1000);
  if (keep >= 0) {
    profile.samples = profile.samples.slice(0, keep);
    profile.timeDeltas = profile.timeDeltas.slice(0, keep);
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[i]));
  const total = profile.timeDeltas.reduce((s, d) => s + d, 0);

  const selfByFn = new Map<string, number>();
  const inclusiveByFile = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    selfByFn.set(key, (selfByFn.get(key) ?? 0) + us);
    const files = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = shortUrl(byId.get(at)!.callFrame.url);
      if (url.startsWith('src/') || url.startsWith('test/')) files.add(url);
    }
    for (const f of files) inclusiveByFile.set(f, (inclusiveByFile.get(f) ?? 0) + us);
  }
  const print = (title: string, entries: Map<string, number>) => {
    process.stdout.write(`\n${title}\n`);
    for (const [k, us] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      const pct = ((us / total) * 100).toFixed(1).padStart(5);
      process.stdout.write(`${pct} % ${(us / 1000).toFixed(0).padStart(8)} ms  ${k}\n`);
    }
  };
  process.stdout.write(`profile ${path}: ${(total / 1000).toFixed(0)} ms sampled\n`);
  print('self time by function', selfByFn);
  print('inclusive time by project file', inclusiveByFile);
}

function shortUrl(url: string): string {
  const i = url.indexOf('/dist/');
  if (i >= 0) return url.slice(i + 6);
  const m = url.indexOf('/node_modules/');
  return m >= 0 ? url.slice(m + 1) : url;
}

const [file, top, firstMs] = process.argv.slice(2);
if (!file) {
  process.stderr.write(
    'usage: node dist/test/bench/profile-summary.js FILE.cpuprofile [TOP] [FIRST_MS]\n',
  );
  process.exit(2);
}
main(file, Number(top ?? '25'), Number(firstMs ?? Infinity));
