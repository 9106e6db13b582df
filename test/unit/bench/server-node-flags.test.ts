import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverNodeFlags } from '../../bench/server-node-flags';

function packageWithStart(start: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'flags-')), 'package.json');
  writeFileSync(file, JSON.stringify({ scripts: { start } }));
  return file;
}

describe('serverNodeFlags', () => {
  it('gives the bench the flags npm start runs the server with', () => {
    expect(serverNodeFlags()).toContain('--max-semi-space-size=8');
  });

  it('reads every flag between node and main.js', () => {
    const file = packageWithStart('npm run build && node --a=1 --b dist/src/main.js');
    expect(serverNodeFlags(file)).toEqual(['--a=1', '--b']);
    expect(serverNodeFlags(packageWithStart('node dist/src/main.js'))).toEqual([]);
  });

  it('refuses a start script it cannot read, rather than bench another server', () => {
    expect(() => serverNodeFlags(packageWithStart('ts-node src/main.ts'))).toThrow(/start script/);
  });
});
