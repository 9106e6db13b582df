import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The Node flags `npm start` runs the server with (package.json's start script), so the
 * bench's server process runs as a deployed one does: the young generation's size, for one,
 * decides how long the scavenges inside a write are.
 */
export function serverNodeFlags(packageJson = projectPackageJson()): string[] {
  const { scripts } = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    scripts: Record<string, string>;
  };
  const command = /(?:^|&&)\s*node\s+((?:--\S+\s+)*)dist\/src\/main\.js\s*$/.exec(scripts.start);
  if (!command) {
    throw new Error(`bench: the start script "${scripts.start}" does not end in node … main.js`);
  }
  return command[1].split(/\s+/).filter((flag) => flag !== '');
}

/** The project's package.json, from the sources (test/bench) or the build (dist/test/bench). */
function projectPackageJson(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'package.json');
  }
  throw new Error(`bench: no package.json above ${__dirname}`);
}
