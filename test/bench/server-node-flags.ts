import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * How `npm start` runs the server (package.json's start script): the environment it sets
 * and the Node flags, so the bench's server process runs as a deployed one does: the young
 * generation's size, for one, decides how long the scavenges inside a write are, and glibc's
 * malloc thresholds how much freed memory the process keeps.
 */
export function serverStart(packageJson = projectPackageJson()): {
  env: Record<string, string>;
  flags: string[];
} {
  const { scripts } = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    scripts: Record<string, string>;
  };
  const command =
    /(?:^|&&)\s*((?:[A-Z_][A-Z0-9_]*=\S*\s+)*)node\s+((?:--\S+\s+)*)dist\/src\/main\.js\s*$/.exec(
      scripts.start,
    );
  if (!command) {
    throw new Error(`bench: the start script "${scripts.start}" does not end in node … main.js`);
  }
  const words = (text: string) => text.split(/\s+/).filter((word) => word !== '');
  const env = Object.fromEntries(
    words(command[1]).map((assignment) => {
      const at = assignment.indexOf('=');
      return [assignment.slice(0, at), assignment.slice(at + 1)];
    }),
  );
  return { env, flags: words(command[2]) };
}

/** The project's package.json, from the sources (test/bench) or the build (dist/test/bench). */
function projectPackageJson(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'package.json');
  }
  throw new Error(`bench: no package.json above ${__dirname}`);
}
